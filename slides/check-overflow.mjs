// Checks that every slide of the built deck fits its 16:9 page: loads slides/target/<lang>/index.html
// (built by scripts/slides) in Chrome or Chromium and prints each slide whose content runs past the
// bottom or right edge, into the bottom margin where the footer sits, or out of a code block or
// table. Exits 1 when a slide overflows, 2 when it cannot check.
//
//   node slides/check-overflow.mjs            every language built under slides/target
//   node slides/check-overflow.mjs ko en      those languages
//
// Uses puppeteer-core from the Marp CLI that scripts/slides installs (run scripts/slides first), and the
// browser in CHROME_PATH, else chromium, chromium-browser, google-chrome or microsoft-edge on the PATH.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SLIDES = dirname(fileURLToPath(import.meta.url));
const TOLERANCE = 2; // px: rounding, and glyphs that reach a hair below their line box

function die(message) {
  console.error(`error: ${message}`);
  process.exit(2);
}

// The Marp CLI folder, named like scripts/slides names it: marp-cli-<version>-<lock hash, 12 chars>.
function marpHome() {
  const version = /"@marp-team\/marp-cli":\s*"([^"]*)"/.exec(readFileSync(join(SLIDES, 'package.json'), 'utf8'))?.[1];
  const hash = createHash('sha256').update(readFileSync(join(SLIDES, 'package-lock.json'))).digest('hex').slice(0, 12);
  const cache = process.env.FUNCLAB_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'funclab');
  const home = join(cache, `marp-cli-${version}-${hash}`);
  if (!existsSync(join(home, '.installed'))) {
    die(`Marp CLI is not installed in ${home}; run scripts/slides (or scripts/slides --install-only) first.`);
  }
  return home;
}

function browserPath() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) die(`CHROME_PATH is set to '${process.env.CHROME_PATH}', which is not a program.`);
    return process.env.CHROME_PATH;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']) {
    for (const dir of (process.env.PATH || '').split(delimiter)) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  die('no Chrome, Chromium or Edge was found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to its program.');
}

// Runs in the page: one entry per slide that does not fit, with what overflows. An element is named
// only when its parent fits, so that one long list is one finding, not one per item.
function findOverflow(tolerance) {
  const problems = [];
  const name = (el) => el.tagName.toLowerCase().replace(/^marp-/, '');
  for (const section of document.querySelectorAll('section[id]')) {
    const found = [];
    const style = getComputedStyle(section);
    const box = section.getBoundingClientRect();
    const scale = box.width / section.offsetWidth || 1;
    const height = section.clientHeight;
    const width = section.clientWidth;
    const bottom = height - parseFloat(style.paddingBottom);
    const right = width - parseFloat(style.paddingRight);
    const reported = new Set();
    for (const el of section.querySelectorAll('*')) {
      const inside = el.parentElement.closest('header, footer, pre, marp-pre, svg'); // checked as a whole
      if (el.matches('header, footer') || (inside && section.contains(inside))) continue;
      if (reported.has(el.parentElement)) {
        reported.add(el);
        continue;
      }
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const elBottom = (rect.bottom - box.top) / scale;
      const elRight = (rect.right - box.left) / scale;
      const before = found.length;
      if (elBottom > height + tolerance) found.push(`${name(el)} runs ${Math.round(elBottom - height)}px past the bottom edge`);
      else if (elBottom > bottom + tolerance) found.push(`${name(el)} reaches ${Math.round(elBottom - bottom)}px into the bottom margin`);
      if (elRight > width + tolerance) found.push(`${name(el)} runs ${Math.round(elRight - width)}px past the right edge`);
      else if (elRight > right + tolerance) found.push(`${name(el)} reaches ${Math.round(elRight - right)}px into the right margin`);
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + tolerance) found.push(`${name(el)} content is ${el.scrollWidth - el.clientWidth}px too wide for it`);
      if (el.matches('pre, marp-pre') && el.scrollHeight > el.clientHeight + tolerance) found.push(`${name(el)} content is ${el.scrollHeight - el.clientHeight}px too tall for it`);
      if (found.length > before) reported.add(el);
    }
    if (found.length === 0 && (section.scrollHeight > height + tolerance || section.scrollWidth > width + tolerance)) {
      found.push(`content overflows the slide (${section.scrollWidth}×${section.scrollHeight}px in ${width}×${height}px)`);
    }
    if (found.length > 0) problems.push({ slide: Number(section.id), found });
  }
  return problems;
}

let langs = process.argv.slice(2);
if (langs.some((arg) => arg.startsWith('-'))) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 9).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(langs.includes('-h') || langs.includes('--help') ? 0 : 2);
}
const target = join(SLIDES, 'target');
if (langs.length === 0) {
  langs = existsSync(target) ? readdirSync(target).filter((name) => existsSync(join(target, name, 'index.html'))).sort() : [];
  if (langs.length === 0) die('no built slides under slides/target; run scripts/slides first.');
}
for (const lang of langs) {
  if (!existsSync(join(target, lang, 'index.html'))) die(`slides/target/${lang}/index.html is not built; run scripts/slides ${lang} first.`);
}

const puppeteer = createRequire(join(marpHome(), 'node_modules', 'noop.js'))('puppeteer-core');
const browser = await puppeteer.launch({
  executablePath: browserPath(),
  headless: true,
  args: ['--no-sandbox', '--allow-file-access-from-files'],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  for (const lang of langs) {
    await page.goto(pathToFileURL(join(target, lang, 'index.html')).href, { waitUntil: 'load' });
    // The HTML shows one slide at a time and skips laying out the others: show them all.
    await page.addStyleTag({ content: 'svg[data-marpit-svg] { content-visibility: visible !important; display: block !important; }' });
    await page.evaluate(() => document.fonts.ready);
    // Let Marp's auto-scaling of code blocks and headings settle on the now visible slides.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const problems = await page.evaluate(findOverflow, TOLERANCE);
    const count = await page.evaluate(() => document.querySelectorAll('section[id]').length);
    if (problems.length === 0) {
      console.log(`slides/target/${lang}/index.html: all ${count} slides fit.`);
      continue;
    }
    failed = true;
    console.log(`slides/target/${lang}/index.html: ${problems.length} of ${count} slides overflow: ${problems.map((p) => p.slide).join(', ')}`);
    for (const { slide, found } of problems) console.log(`  slide ${slide}: ${found.join('; ')}`);
  }
} finally {
  await browser.close();
}
if (failed) {
  console.error('error: those slides run off their page. Shorten them in every language alike (fewer words, less code:\n'
    + 'skip lines with "// ..."), then run scripts/slides --check-layout again.');
  process.exit(1);
}
