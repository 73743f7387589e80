#!/usr/bin/env bash
# Builds a jpackage app image of CamFleet Console (and, on Linux with dpkg-deb
# and fakeroot available, a .deb) from an already-built
# target/camfleet-console.jar + target/lib/*.jar.
#
# Usage: installer/build-installer.sh [--build] [--target DIR] [--version X.Y.Z] [--no-deb]
#   --build          run ./mvnw -q package -DskipTests first
#   --target DIR     directory holding camfleet-console.jar and lib/ (default: target);
#                    output goes to DIR/installer/. Env: CAMFLEET_TARGET.
#   --version X.Y.Z  app version (default: project <version> from pom.xml, qualifier
#                    such as -SNAPSHOT stripped)
#   --no-deb         only build the app image
set -euo pipefail

APP_NAME="camfleet-console"          # launcher, app-image directory and package name
APP_TITLE="CamFleet Console"         # human-readable name (menu entry, macOS bundle name)
MAIN_JAR="camfleet-console.jar"
MAIN_CLASS="io.camfleet.console.app.Main"
VENDOR="CamFleet"
DESCRIPTION="Operations console for monitoring camera fleets at sites worldwide"
MIN_JAVA=21

die() { echo "build-installer: $*" >&2; exit 1; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$ROOT"

TARGET="${CAMFLEET_TARGET:-target}"
VERSION=""
DO_BUILD=0
DO_DEB=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) DO_BUILD=1 ;;
    --target) [[ $# -ge 2 ]] || die "--target needs a directory"; TARGET="$2"; shift ;;
    --target=*) TARGET="${1#*=}" ;;
    --version) [[ $# -ge 2 ]] || die "--version needs a value"; VERSION="$2"; shift ;;
    --version=*) VERSION="${1#*=}" ;;
    --no-deb) DO_DEB=0 ;;
    -h|--help) sed -n '2,12p' "$HERE/build-installer.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
  Linux)                ICON="icons/camfleet-512.png" ;;
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
rm -f "$OUT/${APP_NAME}_"*.deb
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

echo "Building app image ($APP_TITLE $APP_VERSION) ..."
"$JPACKAGE" --type app-image "${COMMON[@]}" ${EXTRA[@]+"${EXTRA[@]}"} \
  --input "$INPUT" \
  --main-jar "$MAIN_JAR" \
  --main-class "$MAIN_CLASS" \
  --java-options "--enable-native-access=ALL-UNNAMED" \
  --java-options "-Xmx2g"

IMAGE="$OUT/$APP_NAME"
[[ "$OS" == Darwin ]] && IMAGE="$OUT/$APP_NAME.app"
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
    "$JPACKAGE" --type deb "${COMMON[@]}" \
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
