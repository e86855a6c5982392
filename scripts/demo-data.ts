/** Where the demo keeps its data between runs, and the database it uses on a shared server. */
import { fileURLToPath } from 'node:url';

/** The folder under the project holding the embedded PostgreSQL's data (LANTAI_DATA_DIR). */
export const DEMO_DATA_DIR = process.env.LANTAI_DATA_DIR ?? fileURLToPath(new URL('../.lantai/', import.meta.url));

/** The database the demo creates on the embedded server. */
export const DEMO_DATABASE = 'lantai';
