#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own, unlocked GNOME Keyring, so that keychain
# tests exercise the real Secret Service without touching the keyring of the person running them.
#
#   packaging/with-test-keyring.sh ctest --test-dir build/dev --output-on-failure
#
# HOME, XDG_RUNTIME_DIR and the XDG base directories point into a fresh temporary folder (gnome-keyring
# keeps its files there), the desktop hints that would steer QtKeychain towards KWallet are removed, and
# BILLBRIDGE_TEST_KEYCHAIN=1 tells the keychain tests that they must not skip. Everything is removed
# afterwards; the exit code is the command's.
#
# Needs: dbus-run-session (dbus-daemon), gnome-keyring-daemon (gnome-keyring), dbus-send.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: ${0##*/} COMMAND [ARGUMENT...]" >&2
    exit 2
fi

for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "${0##*/}: '$tool' is missing. Install it with: apt-get install dbus-daemon gnome-keyring dbus-bin" >&2
        exit 127
    fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/billbridge-keyring.XXXXXXXX")
cleanup() {
    rm -rf -- "$scratch"
}
trap cleanup EXIT

# Set one by one: in a single `export A=… B=$A/…` the second value would still see the old HOME.
export HOME="$scratch/home"
export XDG_RUNTIME_DIR="$scratch/run"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_STATE_HOME="$HOME/.local/state"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK \
    XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_DESKTOP_SESSION_ID
export BILLBRIDGE_TEST_KEYCHAIN=1

# Inside the private bus: start the keyring daemon in the foreground (so its pid is known), create and
# unlock the login keyring with a throw-away password, wait until it serves the Secret Service, run the
# command, then stop the daemon.
inner='
set -euo pipefail
password=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")
printf %s "$password" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
daemon_pid=$!
unset password
trap "kill \"\$daemon_pid\" 2>/dev/null || true" EXIT
ready=""
for _ in $(seq 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
        ready=1
        break
    fi
    kill -0 "$daemon_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ -z "$ready" ]]; then
    echo "with-test-keyring.sh: the keyring daemon did not start" >&2
    exit 1
fi
status=0
"$@" || status=$?
exit "$status"
'

status=0
dbus-run-session -- bash -c "$inner" with-test-keyring "$@" || status=$?
exit "$status"
