#!/usr/bin/env bash
# PDF speed: the PDF of a 100,000-word, 25-chapter work (synthetic text, bench/PdfBench), written in process as the
# download endpoint writes it (Release, two warm-up runs, median of 7). No target is set; the figures are pages,
# milliseconds, pages per second and the file's size. qpdf --check confirms the file is sound.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/.build/pdf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf ]] \
  || { echo "the PDF fonts are missing: apt-get install fonts-dejavu-core fonts-dejavu-extra fonts-droid-fallback fonts-nanum" >&2; exit 1; }
command -v qpdf > /dev/null || { echo "qpdf is missing: apt-get install qpdf" >&2; exit 1; }

echo "building the PDF benchmark (Release)..." >&2
dotnet build "$root/bench/PdfBench" -c Release -o "$out" --nologo -v quiet >&2

result="$("$out/PdfBench" "$work")"
echo "$result" >&2
qpdf --check "$work/makimono.pdf" > /dev/null || { echo "qpdf --check found problems in the benchmark's PDF" >&2; exit 1; }
value() { awk -F'\t' -v k="$1" '$1 == k {print $2}' <<<"$result"; }
pages=$(value pages)
ms=$(value pdf_ms)
printf '{"words": %d, "pages": %d, "pdf_ms": %.1f, "pdf_cpu_ms": %.1f, "pages_per_s": %.0f, "pdf_mb": %.2f, "peak_mb": %d}\n' \
  "$(value words)" "$pages" "$ms" "$(value pdf_cpu_ms)" "$(echo "$pages * 1000 / $ms" | bc -l)" "$(value pdf_mb)" "$(value peak_mb)"
