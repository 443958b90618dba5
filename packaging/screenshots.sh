#!/bin/sh
# Renders the console's screenshots for the documentation without a display (Qt's offscreen platform):
#   docs/screenshots/console.png        the console on STORE_PATH
#   docs/screenshots/events.png         the event browser on STORE_PATH, a failed payment selected
#   docs/screenshots/customer.png       the customer view of CUSTOMER (default: the demo store's haruto.ota@example.org)
#   docs/screenshots/queue.png          the Customer.io delivery queue on STORE_PATH, a needs-review (else dead) job
#                                       selected; `billbridge-cli demo create` fills a store with such a queue
#   docs/screenshots/console-empty.png  the first-run state, on a store path that does not exist yet
#   docs/screenshots/connections.png    File → Connections…, against a fresh private keyring (nothing saved)
#   docs/screenshots/connections-no-keychain.png  the same dialog when no keychain can be reached
# Both probe the receiver at RECEIVER (default: $BILLBRIDGE_RECEIVER, else 127.0.0.1:8787), so a running
# `billbridge-cli serve` shows as running. Language, time zone and settings are pinned so that runs on
# different machines give the same pictures apart from the clock.
set -eu

usage() {
    echo "usage: $0 BUILD_DIR STORE_PATH [RECEIVER [CUSTOMER]]" >&2
    echo "  BUILD_DIR   a CMake build folder in which the 'billbridge' target was built" >&2
    echo "  STORE_PATH  an existing store with events, e.g. one filled by 'billbridge-cli backfill' or" >&2
    echo "              'billbridge-cli demo create' (which also fills its delivery queue)" >&2
    exit 2
}

[ $# -ge 2 ] && [ $# -le 4 ] || usage
build_dir=$1
store=$2
receiver=${3:-${BILLBRIDGE_RECEIVER:-127.0.0.1:8787}}
customer=${4:-haruto.ota@example.org}
root=$(cd "$(dirname "$0")/.." && pwd)
app=$build_dir/app/billbridge

if [ ! -x "$app" ]; then
    echo "screenshots.sh: $app does not exist; build it first: ninja -C $build_dir billbridge" >&2
    exit 1
fi
if [ ! -f "$store" ]; then
    echo "screenshots.sh: no store at $store; fill one first, e.g. billbridge-cli backfill --db $store" >&2
    exit 1
fi

out=$root/docs/screenshots
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/billbridge-screenshots.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/home" "$work/empty"
mkdir -m 700 "$work/run"

# A throwaway HOME keeps the user's settings and font cache out of the pictures.
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= TZ=UTC \
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_RUNTIME_DIR="$work/run"
unset BILLBRIDGE_DB BILLBRIDGE_RECEIVER

"$app" --db "$store" --receiver "$receiver" --grab "$out/console.png"
echo "wrote $out/console.png"
"$app" --db "$store" --receiver "$receiver" --page events --grab "$out/events.png"
echo "wrote $out/events.png"
"$app" --db "$store" --receiver "$receiver" --customer "$customer" --grab "$out/customer.png"
echo "wrote $out/customer.png"
"$app" --db "$store" --receiver "$receiver" --page queue --grab "$out/queue.png"
echo "wrote $out/queue.png"
"$app" --db "$work/empty/billbridge.sqlite" --receiver "$receiver" --grab "$out/console-empty.png"
echo "wrote $out/console-empty.png"

# The dialog reads the keychain: a private, empty one (packaging/with-test-keyring.sh) shows the plain form,
# no session bus at all shows how the dialog explains a missing keychain.
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    "$root/packaging/with-test-keyring.sh" env QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC \
        "$app" --db "$store" --receiver "$receiver" --connections --grab "$out/connections.png"
    echo "wrote $out/connections.png"
else
    echo "screenshots.sh: dbus-run-session or gnome-keyring-daemon missing; skipped connections.png" >&2
fi
env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY \
    "$app" --db "$store" --receiver "$receiver" --connections --grab "$out/connections-no-keychain.png"
echo "wrote $out/connections-no-keychain.png"
