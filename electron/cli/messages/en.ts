/** The CLI's own words in English (--lang en, or an English LANG / LC_ALL / LC_MESSAGES). */
import type { CliMessages } from './zh'

const SITE_REF = 'SITE: a site id, its main domain or its exact name (see list)'

export const en: CliMessages = {
  kinds: {
    'resident-id': 'resident ID card number',
    uscc: 'unified social credit code',
    'org-code': 'organization code',
    'business-reg-no': 'business registration number (15 digits)',
    phone: 'phone (mobile or landline)',
    mobile: 'mobile number',
    landline: 'landline number',
    email: 'e-mail address',
    domain: 'domain name',
    'icp-number': 'ICP filing number',
    'filing-number': 'public-security filing number',
    ip: 'IP address',
  },
  usage: (kinds) => `beian-desk: command line of the public-security filing assistant

Usage:
  beian-desk list --data-dir DIR [--json]                   subjects and sites (ids, domains, materials, findings)
  beian-desk validate --data-dir DIR [--site SITE] [--json]  can each site be exported; ends with a summary line
  beian-desk export --data-dir DIR --site SITE --out PATH [--zip] [--json]
  beian-desk compress <file…> --out-dir DIR [--max-bytes N] [--page N] [--overwrite] [--json]
  beian-desk compress <file> --out FILE [--max-bytes N] [--page N] [--overwrite] [--json]
  beian-desk check <kind> <value> [--json]
  beian-desk check <kind> --stdin

check kinds:
${kinds}

${SITE_REF}.
DIR: the app's data folder (the one holding config.json).
Every command has --help, e.g. beian-desk export --help.
--lang zh|en: output language (default Chinese; English when LANG etc. is English).
Exit codes: 0 success; 1 problems (check failed, export refused, a file failed); 2 usage error.
`,
  help: {
    list: `Usage: beian-desk list --data-dir DIR [--json]
Lists each subject and its sites: id, name, domains, materials ready (x/y) and findings.
A site's id, main domain or name can be given to export --site and validate --site.
`,
    validate: `Usage: beian-desk validate --data-dir DIR [--site SITE] [--json]
Checks whether each site can be exported: missing or unusable materials, errors to fix and
hints; the last line counts subjects, sites, ready and blocked.
${SITE_REF}.
Exit code 1: a site cannot be exported (exactly as export decides), or a subject without sites has errors.
`,
    export: `Usage: beian-desk export --data-dir DIR --site SITE --out PATH [--zip] [--json]
Writes the site's packet as a new folder inside the --out folder, or with --zip as a .zip file.
An existing file or folder of that name is never replaced: a free name (name(2)) is used and printed.
${SITE_REF}.
`,
    compress: (min, max, def) => `Usage: beian-desk compress <file…> --out-dir DIR [options]
       beian-desk compress <file> --out FILE [options]
Compresses pictures or PDFs to JPEGs under the cap (turned upright, EXIF removed).
  --max-bytes N   size cap in bytes, ${min} to ${max}, default ${def}
  --page N        the PDF page to use (default 1)
  --overwrite     allow replacing an existing output file (an input file is never replaced)
  --json          print the results as JSON
Originals are never changed; a taken output name becomes name_${Math.round(def / 1000)}k.jpg, name_${Math.round(def / 1000)}k(2).jpg … (the cap in kB) and is printed.
`,
    check: (kinds) => `Usage: beian-desk check <kind> <value> [--json]
       beian-desk check <kind> --stdin      (one value per line, one JSON object per line)
Kinds:
${kinds}
Exit code: 0 valid; 1 invalid.
`,
  },
  usageHint: 'See beian-desk --help.',
  commandHelpHint: (command) => `See beian-desk ${command} --help.`,
  unknownCommand: (name) => `There is no command "${name}".`,
  noCommand: 'Give a command.',
  badLang: (value) => `--lang must be zh or en, not "${value}".`,
  unknownOption: (option) => `Unknown option ${option}.`,
  optionNeedsValue: (option) => `Option ${option} needs a value.`,
  optionTakesNoValue: (option) => `Option ${option} takes no value.`,
  unexpectedArgument: (arg) => `Unexpected argument "${arg}".`,
  needDataDir: 'Give --data-dir DIR (the app data folder, the one holding config.json).',
  noConfig: (dir) => `No config.json in ${dir}: point --data-dir at the Beian Desk data folder.`,
  siteNotFound: (ref) =>
    `No site "${ref}": give a site id, its main domain or its exact name (see beian-desk list).`,
  siteAmbiguous: (ref, n) => `"${ref}" matches ${n} sites; give one of these ids instead:`,
  check: {
    badKind: (kinds) => `The check kind must be one of: ${kinds}`,
    needValue: 'Give the value to check, or --stdin to read one per line.',
    valid: (normalized) => `✓ valid: ${normalized}`,
    invalid: '✗ invalid',
    finding: (error, message) => `  ${error ? 'error' : 'hint'}: ${message}`,
  },
  compress: {
    needInput: 'Give at least one input file.',
    outChoice: 'Give either --out-dir DIR or --out FILE.',
    outSingle: '--out takes a single input file; use --out-dir for several.',
    outIsFolder: (path) =>
      `--out names a file, but ${path} is a folder: use --out-dir to write into a folder.`,
    outDirNotFolder: (path) => `${path} exists but is not a folder: give --out-dir a folder.`,
    maxBytes: (min, max) => `--max-bytes must be a whole number of bytes from ${min} to ${max}.`,
    page: (max) => `--page is a PDF page number: a whole number from 1 to ${max}.`,
    ok: (input, output, bytes, w, h, q) => `✓ ${input} → ${output} (${bytes} bytes, ${w}×${h}, quality ${q})`,
    failed: (input, message) => `✗ ${input}: ${message}`,
    progress: (done, total, ok, input, message) =>
      `[${done}/${total}] ${ok ? '✓' : '✗'} ${input}${message ? `: ${message}` : ''}`,
    renamed: (wanted) => `  note: ${wanted} exists and was not replaced; a free name was used.`,
    notes: {
      'first-frame-only':
        'Animated picture: only the first frame was used. For another frame, take a screenshot or save it as a still picture first.',
      'first-page-only':
        'The file has several pages: only the first was used. For another page, export that page on its own first.',
    },
    note: (text) => `  note: ${text}`,
  },
  export: {
    outNotFolder: (path) =>
      `${path} is a file, not a folder: give --out a folder, or add --zip for a .zip file.`,
    needSite: 'Give --site SITE (a site id, its main domain or its exact name; see beian-desk list).',
    needOut: 'Give --out PATH (a folder; with --zip, a .zip file).',
    done: (target) => `Exported to ${target}`,
    file: (file, bytes, w, h) => `  ${file}  ${bytes} bytes  ${w}×${h}`,
  },
  validate: {
    site: (name, id, domain, ready, total) =>
      `Site ${name} [${id}] ${domain || '(no domain)'} — materials ${ready}/${total}`,
    canExport: '  ✓ ready to export',
    cannotExport: (n) => `  ✗ cannot export: ${n} item(s) to add or fix first`,
    blocker: (line) => `    - ${line}`,
    warning: (where, message) => `  ! hint [${where}] ${message}`,
    subject: (name, id) => `Subject ${name} [${id}] (no sites yet)`,
    finding: (error, where, message) => `  ${error ? '✗ error' : '! hint'} [${where}] ${message}`,
    scopeSubject: 'subject',
    scopeSite: 'site',
    summary: (subjects, sites, ready, blocked, missing) =>
      `Summary: ${subjects} subject(s), ${sites} site(s); ${ready} ready, ${blocked} blocked; ${missing} material(s) missing`,
  },
  list: {
    subject: (name, id, nature, errors, warnings) =>
      `${name} [${id}] ${nature}  findings: ${errors} error(s), ${warnings} hint(s)`,
    site: (name, id, domains, ready, total, errors, warnings) =>
      `  site ${name} [${id}] ${domains || '(no domain)'}  materials ${ready}/${total}  findings: ${errors} error(s), ${warnings} hint(s)`,
    noSites: '  (no sites yet)',
    empty: 'The data folder has no subjects yet.',
    individual: 'individual',
    organization: 'organization',
    unnamed: '(no name)',
  },
  internal: 'Something went wrong: ',
}
