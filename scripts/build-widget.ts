// `npm run build:widget`: the embeddable widget into .output/widget/ (see widget/vite.config.ts).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { WIDGET_OUT, widgetBuilds } from '../widget/vite.config';

for (const config of widgetBuilds()) await build(config);
for (const f of readdirSync(WIDGET_OUT)) console.log(`${path.relative(process.cwd(), path.join(WIDGET_OUT, f))}  ${(statSync(path.join(WIDGET_OUT, f)).size / 1024).toFixed(1)} kB`);
