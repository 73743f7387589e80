#!/usr/bin/env bash
# Builds a jpackage app image of CamFleet Console (and, on Linux with dpkg-deb
# and fakeroot available, a .deb) from an already-built
# target/camfleet-console.jar + target/lib/*.jar.
# On Linux it also gives the image an AppCDS archive for faster start-up: it
# runs the app once under a virtual display (needs Xvfb and xdotool) and has the
# JVM save the classes it loaded. See installer/README.md.
#
# Usage: installer/build-installer.sh [--build] [--target DIR] [--version X.Y.Z] [--no-deb] [--no-cds]
#   --build          run ./mvnw -q package -DskipTests first
#   --target DIR     directory holding camfleet-console.jar and lib/ (default: target);
#                    output goes to DIR/installer/. Env: CAMFLEET_TARGET.
#   --version X.Y.Z  app version (default: project <version> from pom.xml, qualifier
#                    such as -SNAPSHOT stripped)
#   --no-deb         only build the app image
#   --no-cds         skip the AppCDS training run
set -euo pipefail

APP_NAME="camfleet-console"          # launcher, app-image directory and package name
APP_TITLE="CamFleet Console"         # human-readable name (menu entry, macOS bundle name)
MAIN_JAR="camfleet-console.jar"
MAIN_CLASS="io.camfleet.console.app.Main"
VENDOR="CamFleet"
DESCRIPTION="Operations console for monitoring camera fleets at sites worldwide"
MIN_JAVA=21
JAVA_OPTIONS=(--enable-native-access=ALL-UNNAMED -Xmx2g)   # the launcher's JVM options

die() { echo "build-installer: $*" >&2; exit 1; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"

TARGET="${CAMFLEET_TARGET:-target}"
VERSION=""
DO_BUILD=0
DO_DEB=1
DO_CDS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) DO_BUILD=1 ;;
    --target) [[ $# -ge 2 ]] || die "--target needs a directory"; TARGET="$2"; shift ;;
    --target=*) TARGET="${1#*=}" ;;
    --version) [[ $# -ge 2 ]] || die "--version needs a value"; VERSION="$2"; shift ;;
    --version=*) VERSION="${1#*=}" ;;
    --no-deb) DO_DEB=0 ;;
    --no-cds) DO_CDS=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$HERE/build-installer.sh"; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
  shift
done

# --- JDK 21+ with jpackage -------------------------------------------------
java_major() {  # prints the major version of the JDK at $1, or nothing
  local v
  v="$("$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)" || true
  [[ -n "$v" ]] || return 0
  if [[ "$v" == 1.* ]]; then v="${v#1.}"; fi
  echo "${v%%[.+-]*}"
}
usable_jdk() {  # true if $1 is a JDK >= MIN_JAVA that has jpackage
  local m
  [[ -n "$1" && -x "$1/bin/java" && ( -x "$1/bin/jpackage" || -x "$1/bin/jpackage.exe" ) ]] || return 1
  m="$(java_major "$1")"
  [[ "$m" =~ ^[0-9]+$ ]] && (( m >= MIN_JAVA ))
}

JDK=""
if [[ -n "${JAVA_HOME:-}" ]] && usable_jdk "$JAVA_HOME"; then
  JDK="$JAVA_HOME"
else
  best=-1
  for d in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d "$d" && ! -L "$d" ]] || continue
    usable_jdk "$d" || continue
    m="$(java_major "$d")"
    if (( m > best )); then best="$m"; JDK="$d"; fi
  done
fi
[[ -n "$JDK" ]] || die "no JDK ${MIN_JAVA}+ with jpackage found (checked JAVA_HOME, /usr/lib/jvm and /Library/Java/JavaVirtualMachines); install one or point JAVA_HOME at it."
JPACKAGE="$JDK/bin/jpackage"
echo "Using JDK $(java_major "$JDK") at $JDK"

# --- optional Maven build --------------------------------------------------
if (( DO_BUILD )); then
  echo "Running ./mvnw -q package -DskipTests ..."
  JAVA_HOME="$JDK" ./mvnw -q package -DskipTests
fi

[[ -f "$TARGET/$MAIN_JAR" ]] \
  || die "$TARGET/$MAIN_JAR not found; run ./mvnw -q package -DskipTests first (or pass --build)."

# --- version ---------------------------------------------------------------
if [[ -z "$VERSION" ]]; then
  [[ -f pom.xml ]] || die "pom.xml not found; pass --version X.Y.Z."
  # First <version> of the project itself, skipping a <parent> block.
  VERSION="$(awk '/<parent>/{p=1} /<\/parent>/{p=0; next}
                  !p && /<version>/ { sub(/.*<version>[[:space:]]*/, ""); sub(/[[:space:]]*<\/version>.*/, ""); print; exit }' pom.xml)"
  [[ -n "$VERSION" ]] || die "could not read <version> from pom.xml; pass --version X.Y.Z."
fi
APP_VERSION="$(sed -nE 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/p' <<<"$VERSION")"
[[ -n "$APP_VERSION" ]] || die "version '$VERSION' does not start with a number like 1.2.3; pass --version X.Y.Z."

# --- platform-specific icon ------------------------------------------------
OS="$(uname -s)"
EXTRA=()
case "$OS" in
  Linux)                ICON="icons/camfleet-512.png"
                        # jpackage's default jlink options but --strip-native-commands: the
                        # runtime keeps bin/java until it has made the base CDS archive (below).
                        EXTRA+=(--jlink-options "--strip-debug --no-man-pages --no-header-files") ;;
  Darwin)               ICON="icons/camfleet.icns"
                        [[ "${APP_VERSION%%.*}" -ge 1 ]] \
                          || die "macOS requires the first version number to be at least 1 (got $APP_VERSION); pass --version 1.x.y."
                        EXTRA+=(--mac-package-name "$APP_TITLE") ;;
  MINGW*|MSYS*|CYGWIN*) ICON="icons/camfleet.ico" ;;
  *)                    ICON="icons/camfleet-512.png" ;;
esac
[[ -f "$ICON" ]] || die "icon $ICON is missing."

# --- stage input and build the app image -----------------------------------
OUT="$TARGET/installer"
STAGE="$OUT/staging"
INPUT="$STAGE/input"
RES="$STAGE/resources"
rm -rf "$STAGE" "$OUT/$APP_NAME" "$OUT/$APP_NAME.app"
rm -f "$OUT/${APP_NAME}_"*.deb "$OUT/cds-training.log"
mkdir -p "$INPUT/lib" "$RES"
cp "$TARGET/$MAIN_JAR" "$INPUT/"
if compgen -G "$TARGET/lib/*.jar" >/dev/null; then
  cp "$TARGET"/lib/*.jar "$INPUT/lib/"
else
  echo "Warning: no jars in $TARGET/lib; the app will only have $MAIN_JAR on its class path." >&2
fi

# Resources for the .deb: jpackage takes the icon from here when packaging an
# existing app image, and the menu entry shows "CamFleet Console" rather than
# the launcher name.
cp "$ICON" "$RES/$APP_NAME.png"
cat > "$RES/$APP_NAME.desktop" <<EOF
[Desktop Entry]
Name=$APP_TITLE
Comment=APPLICATION_DESCRIPTION
Exec=APPLICATION_LAUNCHER
Icon=APPLICATION_ICON
Terminal=false
Type=Application
Categories=DEPLOY_BUNDLE_CATEGORY
DESKTOP_MIMES
EOF

COMMON=(
  --name "$APP_NAME"
  --app-version "$APP_VERSION"
  --vendor "$VENDOR"
  --description "$DESCRIPTION"
  --icon "$ICON"
  --dest "$OUT"
)

JPACKAGE_JAVA_OPTIONS=()
for o in "${JAVA_OPTIONS[@]}"; do JPACKAGE_JAVA_OPTIONS+=(--java-options "$o"); done

echo "Building app image ($APP_TITLE $APP_VERSION) ..."
"$JPACKAGE" --type app-image "${COMMON[@]}" ${EXTRA[@]+"${EXTRA[@]}"} \
  --input "$INPUT" \
  --main-jar "$MAIN_JAR" \
  --main-class "$MAIN_CLASS" \
  "${JPACKAGE_JAVA_OPTIONS[@]}"

IMAGE="$OUT/$APP_NAME"
[[ "$OS" == Darwin ]] && IMAGE="$OUT/$APP_NAME.app"

# --- base CDS archive (Linux) ----------------------------------------------
# jpackage's runtime has no CDS archive of the JDK's own classes. Dump one with
# the runtime's own java and the launcher's JVM options: an archive dumped
# without them (like jlink --generate-cds-archive makes) does not fit them
# fully, and once -XX:SharedArchiveFile names an archive the JVM reports that
# on every start. Then bin/ goes, as jpackage would have stripped it.
# The app's AppCDS archive (next section) builds on this one.
if [[ "$OS" == Linux ]]; then
  RUNTIME="$IMAGE/lib/runtime"
  if ! "$RUNTIME/bin/java" -Xshare:dump "${JAVA_OPTIONS[@]}" >"$STAGE/cds-base.log" 2>&1; then
    rm -f "$RUNTIME/lib/server/classes.jsa"
    echo "Warning: could not create the runtime's CDS archive: $(tail -n1 "$STAGE/cds-base.log")" >&2
  fi
  rm -rf "${RUNTIME:?}/bin"
fi
# The JVM only uses an AppCDS archive if each class-path jar still has the size
# and mtime it had at the training run. jpackage's .deb gets fresh copies (new
# mtimes), but dpkg-deb clamps mtimes to SOURCE_DATE_EPOCH: so the jars get
# that mtime now, and the .deb build gets it too.
if [[ "$OS" == Linux ]]; then
  JAR_MTIME="${SOURCE_DATE_EPOCH:-$(date +%s)}"
  find "$IMAGE/lib/app" -name '*.jar' -exec touch -d "@$JAR_MTIME" {} +
fi

# --- AppCDS archive (Linux) ------------------------------------------------
# A training run of the image's own launcher, under a private Xvfb, with
# -XX:ArchiveClassesAtExit: on exit the JVM writes the classes it loaded to
# lib/app/$APP_NAME.jsa. That archive only fits this very runtime and class
# path, which is why it is made from the finished image. The app shows its
# window and loads the demo fleet; then it gets SIGTERM, which makes the JVM
# exit through its normal path (shutdown hooks, then the archive is written).
# A normal window close is not possible here: without a window manager nothing
# turns a close request into WM_DELETE_WINDOW, and `xdotool windowclose` only
# destroys the X window while the app keeps running.
CDS_TRAIN_SECONDS=10   # how long the app runs once its window shows
CDS_TMP="" XVFB_PID="" APP_PID="" CDS_SKIP=""

cds_stop() {  # ends the app and Xvfb of a training run, if still running
  if [[ -n "$APP_PID" ]]; then kill -KILL "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
  if [[ -n "$XVFB_PID" ]]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=""; fi
}
cds_cleanup() {
  cds_stop
  if [[ -n "$CDS_TMP" ]]; then rm -rf "$CDS_TMP"; CDS_TMP=""; fi
}
trap cds_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Sleeps $1 seconds, in steps; fails early if the app has exited.
cds_app_alive_for() {
  local i
  for ((i = 0; i < $1 * 4; i++)); do
    kill -0 "$APP_PID" 2>/dev/null || return 1
    sleep 0.25
  done
}

# Makes $IMAGE/lib/app/$APP_NAME.jsa. On failure sets CDS_SKIP and returns 1.
cds_train() {
  local launcher="$IMAGE/bin/$APP_NAME" jsa log display i status
  jsa="$(cd "$IMAGE/lib/app" && pwd)/$APP_NAME.jsa"
  if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
    CDS_SKIP="needs a virtual display: Xvfb and xdotool (sudo apt install xvfb xdotool)"; return 1
  fi
  if [[ ! -f "$IMAGE/lib/runtime/lib/server/classes.jsa" ]]; then
    CDS_SKIP="the bundled runtime has no base CDS archive (lib/server/classes.jsa)"; return 1
  fi
  CDS_TMP="$(mktemp -d "${TMPDIR:-/tmp}/camfleet-cds.XXXXXX")"
  mkdir -p "$CDS_TMP/home"
  log="$CDS_TMP/training.log"
  # The app runs isolated from the user's session: a throw-away home (JavaFX
  # unpacks its native libraries there), no session bus, none of the user's JVM
  # options. A plain command rather than a function, so that `&` below gives
  # the launcher's own PID.
  local isolated=(env -u WAYLAND_DISPLAY -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS -u JAVA_TOOL_OPTIONS
                  -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME -u XDG_RUNTIME_DIR
                  HOME="$CDS_TMP/home" DBUS_SESSION_BUS_ADDRESS=disabled: NO_AT_BRIDGE=1)

  # -displayfd: Xvfb picks a free display and writes its number once it is ready.
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$CDS_TMP/display" >"$CDS_TMP/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for ((i = 0; i < 100; i++)); do
    [[ -s "$CDS_TMP/display" ]] && break
    kill -0 "$XVFB_PID" 2>/dev/null || break
    sleep 0.1
  done
  display="$(head -n1 "$CDS_TMP/display" 2>/dev/null || true)"
  if [[ ! "$display" =~ ^[0-9]+$ ]]; then
    CDS_SKIP="Xvfb did not start"; return 1
  fi

  echo "Training run for the AppCDS archive (about $((CDS_TRAIN_SECONDS + 10)) s) ..."
  "${isolated[@]}" DISPLAY=":$display" JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa" \
    "$launcher" --data-dir "$CDS_TMP/data" </dev/null >"$log" 2>&1 &
  APP_PID=$!
  for ((i = 0; i < 240; i++)); do   # up to 60 s for the window
    kill -0 "$APP_PID" 2>/dev/null || break
    DISPLAY=":$display" xdotool search --onlyvisible --name "$APP_TITLE" >/dev/null 2>&1 && break
    sleep 0.25
  done
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    CDS_SKIP="the app exited during the training run"; return 1
  fi
  if (( i == 240 )); then
    CDS_SKIP="the app's window did not appear within 60 s"; return 1
  fi
  if ! cds_app_alive_for "$CDS_TRAIN_SECONDS"; then
    CDS_SKIP="the app exited during the training run"; return 1
  fi
  kill -TERM "$APP_PID"
  for ((i = 0; i < 240; i++)); do   # up to 60 s to write the archive and exit
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$APP_PID" 2>/dev/null; then
    CDS_SKIP="the app did not exit within 60 s of SIGTERM"; return 1
  fi
  status=0; wait "$APP_PID" || status=$?
  APP_PID=""
  cds_stop
  if [[ ! -s "$jsa" ]]; then
    CDS_SKIP="the JVM wrote no archive (exit status $status)"; return 1
  fi
  # -Xshare:on makes the JVM refuse to start if it cannot map the archive.
  if ! "${isolated[@]}" JAVA_TOOL_OPTIONS="-XX:SharedArchiveFile=$jsa -Xshare:on" \
      "$launcher" --data-dir "$CDS_TMP/data" --version </dev/null >>"$log" 2>&1; then
    CDS_SKIP="the JVM cannot use the archive it wrote"; return 1
  fi
}

# Adds the options that load the archive to the launcher's [JavaOptions].
# -Xshare:auto: should the archive not fit after all, the JVM starts without it.
cds_enable() {
  local cfg="$IMAGE/lib/app/$APP_NAME.cfg"
  awk -v opts="java-options=-XX:SharedArchiveFile=\$APPDIR/$APP_NAME.jsa\njava-options=-Xshare:auto" '
    /^\[/ { if (in_opts) { print opts; done = 1 } in_opts = ($0 == "[JavaOptions]") }
    { print }
    END { if (!done) { if (!in_opts) print "[JavaOptions]"; print opts } }' "$cfg" > "$cfg.new"
  cat "$cfg.new" > "$cfg"
  rm -f "$cfg.new"
}

if [[ "$OS" != Linux ]]; then
  CDS_SKIP="the training run is only set up for Linux"
elif (( ! DO_CDS )); then
  CDS_SKIP="--no-cds"
elif cds_train; then
  cds_enable
  echo "AppCDS archive: $IMAGE/lib/app/$APP_NAME.jsa"
fi
if [[ -n "$CDS_SKIP" ]]; then
  cds_stop
  rm -f "$IMAGE/lib/app/$APP_NAME.jsa"
  if [[ -n "$CDS_TMP" && -s "$CDS_TMP/training.log" ]]; then
    cp "$CDS_TMP/training.log" "$OUT/cds-training.log"
    CDS_SKIP="$CDS_SKIP (log: $OUT/cds-training.log)"
  fi
  echo "AppCDS archive skipped: $CDS_SKIP"
fi
cds_cleanup

echo "App image: $IMAGE"
case "$OS" in
  Darwin)               echo "  run: open \"$IMAGE\"" ;;
  MINGW*|MSYS*|CYGWIN*) echo "  run: $IMAGE/$APP_NAME.exe" ;;
  *)                    echo "  run: $IMAGE/bin/$APP_NAME" ;;
esac

# --- .deb ------------------------------------------------------------------
if (( DO_DEB )) && [[ "$OS" == Linux ]]; then
  if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    echo "Building .deb ..."
    SOURCE_DATE_EPOCH="$JAR_MTIME" "$JPACKAGE" --type deb "${COMMON[@]}" \
      --app-image "$IMAGE" \
      --resource-dir "$RES" \
      --linux-package-name "$APP_NAME" \
      --linux-shortcut \
      --linux-menu-group Utility \
      --linux-app-category utils
    for f in "$OUT/${APP_NAME}_"*.deb; do
      echo "Debian package: $f"
      case "$f" in /*) ;; *) f="./$f" ;; esac
      echo "  install: sudo apt install $f"
    done
  else
    echo "Skipping .deb: needs dpkg-deb and fakeroot (sudo apt install dpkg-dev fakeroot)."
  fi
fi

rm -rf "$STAGE"
