#!/usr/bin/env bash
# One entry point for a fresh Debian 12 / Ubuntu 24.04 machine:
#   packaging/dev.sh run [ARGS...]   install what is missing, build, start the console
#   packaging/dev.sh test            install what is missing, build, run every test (CTest)
#   packaging/dev.sh bench           install what is missing, build optimised, run the benchmarks
#   packaging/dev.sh deps            only install what is missing
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qtkeychain-qt6-dev libsqlite3-dev libssl-dev
    libsecret-1-0 libxkbcommon-dev
    # Tests: a real Secret Service in a private D-Bus session, an X server for screenshots.
    dbus-daemon gnome-keyring libsecret-tools xvfb xauth fonts-dejavu-core
)

install_missing() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
deps)
    install_missing
    ;;
run)
    install_missing
    build dev
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display found (DISPLAY/WAYLAND_DISPLAY unset). Start the console from a desktop session," >&2
        echo "or run it under a virtual display: xvfb-run -a build/dev/app/billbridge" >&2
        exit 1
    fi
    exec build/dev/app/billbridge "$@"
    ;;
test)
    install_missing
    build dev
    # Tests that talk to the keychain need a Secret Service: run everything inside a private D-Bus session
    # with an unlocked GNOME Keyring, in a temporary HOME.
    exec packaging/with-test-keyring.sh ctest --preset dev --parallel 2 --timeout 900 "$@"
    ;;
bench)
    install_missing
    build release
    build/release/tests/bench_webhook_intake "$@"
    ;;
*)
    echo "usage: packaging/dev.sh run|test|bench|deps" >&2
    exit 2
    ;;
esac
