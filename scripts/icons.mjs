// Renders every app icon from the one source image, build/icon.svg (npm run icons; npm run package
// runs it first). Outputs are generated, not committed (see .gitignore), so they can never drift
// from the source: build/icon.png (1024 px), build/icons/<n>x<n>.png (Linux), build/icon.ico
// (Windows) and build/icon.icns (macOS).
// @resvg/resvg-js renders SVG without a browser (prebuilt binaries from the npm registry);
// png2icons (pure JavaScript) packs the ICO and ICNS containers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** @param {{ root?: string }} [options] @returns {string[]} the files written, relative to root */
export function generateIcons({ root = projectRoot } = {}) {
  const buildDir = path.join(root, 'build');
  const svg = readFileSync(path.join(buildDir, 'icon.svg'));
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  const written = [];
  const write = (relative, data) => {
    if (data === null) throw new Error(`png2icons could not create ${relative}`);
    writeFileSync(path.join(buildDir, relative), data);
    written.push(path.join('build', relative));
  };
  const master = render(svg, 1024);
  write('icon.png', master);
  for (const size of LINUX_ICON_SIZES) write(path.join('icons', `${size}x${size}.png`), size === 1024 ? master : render(svg, size));
  write('icon.ico', png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true));
  write('icon.icns', png2icons.createICNS(master, png2icons.BICUBIC2, 0));
  return written;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(`Icons written: ${generateIcons().join(', ')}`);
}
