#!/usr/bin/env bash
# The app in a real window on a generated 10,000-node map, driven with real key presses: 200
# arrow-key nudges and 200 label edits (F2, type, Enter) of a claim, with the process's resident
# memory read from /proc before and after. Needs Xvfb, xdotool, x11-apps and imagemagick (for
# the screenshots it leaves beside OUT).
#
#   benches/editing/real_window.sh target/release/stancemap MAP.ron OUT_PREFIX
#
# Make MAP.ron with: cargo run --release --example generate_map -- 10000 25000 MAP.ron
set -eu
app=$1 map=$2 out=$3
d=97
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:$d
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$d ] && break; sleep 0.1; done
# A fresh home: no settings or recovery copies from earlier runs.
home=$(mktemp -d)
export XDG_RUNTIME_DIR=$home/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
HOME=$home "$app" "$map" >"$out.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; sleep 0.5; kill -9 $pid 2>/dev/null; kill $xvfb 2>/dev/null' EXIT
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
shot() { xwd -root -silent | convert xwd:- "$out-$1.png"; }
sleep 25
window=$(xdotool search --sync --pid "$pid" | tail -1)
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
# Select one claim: click it in the Claims list, fit the view to it (Shift+F), then click it on
# the canvas, where it now sits in the middle, so the canvas has the keyboard.
xdotool mousemove 113 101 click 1
sleep 4
xdotool key shift+f
sleep 4
xdotool mousemove 620 422 click 1
sleep 4
shot selected
echo "after opening and selecting: $(rss) kB"
start=$(rss)
xdotool key --delay 100 $(printf 'Right %.0s' $(seq 200))
sleep 5
shot nudged
echo "after 200 nudges: $(rss) kB"
for i in $(seq 200); do
  # Wait for the field to have the keyboard before typing.
  xdotool key F2
  sleep "${F2_WAIT:-1}"
  xdotool type --delay 10 "Renamed claim $i"
  xdotool key Return
  sleep 0.5
done
sleep 5
shot renamed
end=$(rss)
echo "after 200 label edits: $end kB"
echo "resident memory grew by $(((end - start) / 1024)) MB ($((end - start)) kB)"
