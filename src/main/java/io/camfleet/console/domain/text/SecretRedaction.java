package io.camfleet.console.domain.text;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the console writes down: the audit trail, the deployment journal and the log. Scripts,
 * command output and exception texts are written by others and may carry a password, a token, an AWS key or a private
 * key; {@link #redact(String)} replaces each with {@link #REDACTED} and leaves the rest of the text as it was.
 */
public final class SecretRedaction {

    public static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(pass(word|phrase)?|secret|token|credential|private|api[-_]?key|access[-_]?key|session[-_]?key|auth).*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----|\\bAKIA[0-9A-Z]{16}\\b|\\bASIA[0-9A-Z]{16}\\b");

    /** A private key, PEM or PGP, to its END line; without one (cut off), to the end of the text. */
    private static final Pattern KEY_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY( BLOCK|)-----(?s:.*?)(?:-----END \\1PRIVATE KEY\\2-----|\\z)");
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern KEY_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    /** An Authorization header's credentials, whatever the scheme (a bearer token is {@link #BEARER}'s). */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)(?!bearer\\b)((?:basic|digest|token|negotiate)\\s+)?"
                    + "[^\\s\"',;]+");
    /** {@code password=…}, {@code DB_PASSWORD: …}, {@code "apiKey": "…"}: a value whose name ends in a secret's. */
    private static final Pattern SECRET_SETTING = Pattern.compile("(?i)(?<![\\w.-])([\\w.-]{0,64}?(?:passw(?:or)?d|passphrase"
            + "|secret|token|api[-_]?key|access[-_]?key|secret[-_]?key|private[-_]?key|credentials?)s?[\"']?\\s*[:=]\\s*)"
            + "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s\"',;&]+)");
    /** {@code --password hunter2} on a command line. */
    private static final Pattern SECRET_FLAG = Pattern.compile(
            "(?i)(?<![\\w-])(--?[\\w-]{0,64}?(?:password|passphrase|secret|token)[\\w-]{0,64}\\s+)(?![-\\[])[^\\s\"']+");
    /** {@code https://user:password@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{0,31}://[^/\\s:@]{1,256}:)[^/\\s@]{1,256}@");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b");
    /** What an AWS secret access key looks like: 40 characters of base64, mixed case with digits or slashes. */
    private static final Pattern AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    /** JSON web tokens, and tokens whose prefix names them (GitHub, GitLab, Slack). */
    private static final Pattern TOKEN = Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"
            + "|\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\\w{20,}|glpat-[\\w-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,})");

    private SecretRedaction() {
    }

    public static SortedMap<String, String> redact(Map<String, String> parameters) {
        SortedMap<String, String> out = new TreeMap<>();
        if (parameters == null) {
            return out;
        }
        parameters.forEach((k, v) -> out.put(k, isSecret(k, v) ? REDACTED : (v == null ? "" : redact(v))));
        return out;
    }

    static boolean isSecret(String key, String value) {
        return SECRET_KEY.matcher(key).matches() || (value != null && SECRET_VALUE.matcher(value).find());
    }

    /** {@code text} with every secret in it replaced by {@link #REDACTED}; null is the empty text. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = KEY_BLOCK.matcher(text).replaceAll(REDACTED);
        s = BEARER.matcher(s).replaceAll("$1" + REDACTED);
        s = AUTHORIZATION.matcher(s).replaceAll(m -> keep(m, 1) + keep(m, 2) + REDACTED);
        s = URL_PASSWORD.matcher(s).replaceAll("$1" + REDACTED + "@");
        s = SECRET_SETTING.matcher(s).replaceAll(m -> keep(m, 1) + quoted(m.group(2)));
        s = SECRET_FLAG.matcher(s).replaceAll("$1" + REDACTED);
        s = AWS_KEY_ID.matcher(s).replaceAll(REDACTED);
        s = replace(AWS_SECRET, s, found -> looksLikeAwsSecret(found) ? REDACTED : found);
        return TOKEN.matcher(s).replaceAll(REDACTED);
    }

    private static String keep(MatchResult m, int group) {
        return m.group(group) == null ? "" : Matcher.quoteReplacement(m.group(group));
    }

    private static String quoted(String value) {
        char first = value.charAt(0);
        return (first == '"' || first == '\'') && value.length() > 1
                ? first + REDACTED + first : REDACTED;
    }

    private static String replace(Pattern p, String s, Function<String, String> with) {
        return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(with.apply(m.group())));
    }

    /** Mixed case and a digit or slash: not a word, a path or a lower-case hex digest. */
    private static boolean looksLikeAwsSecret(String s) {
        return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                && s.chars().anyMatch(c -> Character.isDigit(c) || c == '/' || c == '+');
    }

    /**
     * Output read a line at a time: a private key printed over many lines has its BEGIN and END lines apart, and
     * {@link #redact(String)} of one line of its body alone would let that line through. One per stream of lines (a
     * camera's output); its lines, each then given to {@link #redact(String)}, keep no part of a key.
     */
    public static final class KeyLines {
        private boolean inKey;

        /** The line as it should be redacted: wholly {@link #REDACTED} inside a key, up to its END on the last. */
        public String next(String line) {
            String s = line == null ? "" : line;
            if (inKey) {
                Matcher end = KEY_END.matcher(s);
                if (!end.find()) {
                    return REDACTED;
                }
                inKey = false;
                s = REDACTED + s.substring(end.end());
            }
            Matcher begin = KEY_BEGIN.matcher(s);
            int lastBegin = -1;
            while (begin.find()) {
                lastBegin = begin.end();
            }
            inKey = lastBegin >= 0 && !KEY_END.matcher(s).region(lastBegin, s.length()).find();
            return s;
        }

        /** Whether the last line left a key open. */
        public boolean inKey() {
            return inKey;
        }
    }
}
