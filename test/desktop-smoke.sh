#!/usr/bin/env bash
# Desktop smoke test: start the real WebKitGTK binary under Xvfb on a temp data
# folder, screenshot the window, check the app drew itself (not a blank
# window), check a second copy is refused with a clear sentence, then quit.
set -euo pipefail
BIN="$(realpath "${1:-bin/keystone}")"
OUT="${SMOKE_OUT:-$(pwd)/test/artifacts}"
mkdir -p "$OUT"
WORK="$(mktemp -d)"
DISPLAY_NUM="${SMOKE_DISPLAY:-:97}"
cleanup() {
  [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null || true
  [[ -n "${XVFB_PID:-}" ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb "$DISPLAY_NUM" -screen 0 1440x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY="$DISPLAY_NUM"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { echo "desktop smoke: Xvfb did not start"; cat "$WORK/xvfb.log"; exit 1; }

# The sample portfolio makes the first screen show real rows.
"$BIN" demo --data "$WORK/data" --size s >/dev/null
# No session bus here: keep Wails' D-Bus single-instance code quiet.
export NO_AT_BRIDGE=1
"$BIN" --data "$WORK/data" >"$WORK/app.log" 2>&1 &
APP_PID=$!

# Wait for the window, then give WebKit time to load and paint the UI.
WIN=""
for _ in $(seq 150); do
  WIN="$(xwininfo -root -tree 2>/dev/null | grep -m1 '"Keystone 基石"' | awk '{print $1}')" || true
  [[ -n "$WIN" ]] && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "desktop smoke: the app exited"; cat "$WORK/app.log"; exit 1; }
  sleep 0.2
done
[[ -n "$WIN" ]] || { echo "desktop smoke: no Keystone window appeared"; cat "$WORK/app.log"; exit 1; }

SHOT="$OUT/desktop-window.png"
colours=0
sleep 4 # WebKit loads the UI, which then loads the sample accounts
for _ in $(seq 30); do
  sleep 1
  import -window "$WIN" "$SHOT" 2>/dev/null || continue
  colours="$(identify -format '%k' "$SHOT")"
  # A blank window has a handful of colours, the bare shell a few hundred;
  # the account table with its anti-aliased Latin and Chinese text has more.
  (( colours > 900 )) && break
done
echo "desktop smoke: window $WIN, screenshot $SHOT, $colours colours"
(( colours > 900 )) || { echo "desktop smoke: the window looks blank"; cat "$WORK/app.log"; exit 1; }

# A second copy on the same folder must say so in one sentence on stderr and
# in a small window (started from a menu there is no terminal), then stop.
"$BIN" --data "$WORK/data" >"$WORK/second.log" 2>&1 &
SECOND_PID=$!
PROBLEM=""
for _ in $(seq 100); do
  PROBLEM="$(xwininfo -root -tree 2>/dev/null | grep -m1 '数据正在另一个基石窗口中使用' | awk '{print $1}')" || true
  [[ -n "$PROBLEM" ]] && break
  kill -0 "$SECOND_PID" 2>/dev/null || break
  sleep 0.2
done
[[ -n "$PROBLEM" ]] || { echo "desktop smoke: the second copy showed no explanation window"; cat "$WORK/second.log"; exit 1; }
sleep 2
import -window "$PROBLEM" "$OUT/desktop-second-copy.png" 2>/dev/null || true
kill "$SECOND_PID" 2>/dev/null || true
wait "$SECOND_PID" 2>/dev/null || true
second="$(grep -m1 '^keystone:' "$WORK/second.log" || true)"
echo "desktop smoke: second copy said: $second"
[[ "$second" == *"already open in another Keystone window"* ]] || { echo "desktop smoke: second copy not refused clearly"; cat "$WORK/second.log"; exit 1; }

kill -TERM "$APP_PID"
for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$APP_PID" 2>/dev/null; then echo "desktop smoke: the app did not quit"; exit 1; fi
APP_PID=""
# The data folder opens cleanly after the window is gone.
reopen="$("$BIN" demo --data "$WORK/data" --size s 2>&1 || true)"
[[ "$reopen" == *"already holds 24 accounts"* ]] || { echo "desktop smoke: data folder not reusable after quit: $reopen"; exit 1; }
echo "desktop-smoke: 1 passed, 0 failed"
