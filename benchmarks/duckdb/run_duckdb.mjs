// Runs jeugdhulp_met_verblijf.sql in DuckDB (in process, via @duckdb/node-api).
// usage: node run_duckdb.mjs JEUGDHULP.csv OUT.csv FROM TO
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [csv, out, from, to] = process.argv.slice(2);
if (!csv || !out || !from || !to) {
  console.error('usage: node run_duckdb.mjs JEUGDHULP.csv OUT.csv FROM TO');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const quote = (s) => s.replaceAll("'", "''");
const sql = readFileSync(join(here, 'jeugdhulp_met_verblijf.sql'), 'utf8')
  .replaceAll('{{CSV}}', quote(csv))
  .replaceAll('{{OUT}}', quote(out))
  .replaceAll('{{FROM}}', String(parseInt(from, 10)))
  .replaceAll('{{TO}}', String(parseInt(to, 10)));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(sql);
