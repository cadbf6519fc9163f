/** The CLI's own words in English (--lang en, or an English LANG / LC_ALL / LC_MESSAGES). */
import type { CliMessages } from './zh'

const STAGE_KEYS = 'preparing, submitted, reviewing, returned, interview, filed, badged, changing, cancelled'
const EVENT_KEYS = 'submitted, reviewing, returned, interview, filed, badged, change, cancelled'

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
  beian-desk export --data-dir DIR --site SITE --out PATH [--zip] [--force] [--json]
  beian-desk export --data-dir DIR (--site SITE … | --all) [--stage STAGE] --out-dir DIR [--zip] [--force] [--json]
  beian-desk compress <file…> --out-dir DIR [--max-bytes N] [--page N] [--deskew] [--overwrite] [--json]
  beian-desk compress <file> --out FILE [--max-bytes N] [--page N] [--deskew] [--overwrite] [--json]
  beian-desk check <kind> <value> [--json]
  beian-desk check <kind> --stdin
  beian-desk status --data-dir DIR [--stage STAGE] [--overdue] [--due-within N] [--json]
  beian-desk import <table> --data-dir DIR [--dry-run] [--confirm-updates] [--json]
  beian-desk event --data-dir DIR --site SITE --stage EVENT [--date DATE] [--note TEXT] …
  beian-desk event --data-dir DIR --site SITE --undo
  beian-desk backups list --data-dir DIR [--json]
  beian-desk backups restore <backup id> --data-dir DIR
  beian-desk archive export --data-dir DIR --out FILE.bdxa [--json]   the whole workspace as one encrypted archive
  beian-desk archive import FILE.bdxa --data-dir NEW_EMPTY_DIR [--json]  import an archive (empty folders only)
  beian-desk retention list --data-dir DIR [--days N] [--json]        ID photos past their retention period
  beian-desk retention apply --yes --data-dir DIR [--days N] [--json]  delete them

check kinds:
${kinds}

${SITE_REF}.
DIR: the app's data folder (the one holding config.json).
Every command has --help, e.g. beian-desk export --help.
--lang zh|en: output language (default Chinese; English when LANG etc. is English).
--passphrase-file FILE: the passphrase or recovery key of an encrypted workspace (or BEIAN_DESK_PASSPHRASE, or typed in a terminal).
--accept-recovered: go on when the data file was damaged and recovered (else the recovery is printed and the exit code is 3).
Exit codes: 0 success; 1 problems (check failed, export refused, a file failed); 2 usage error; 3 damaged data file recovered, confirm first.
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
    export: `Usage: beian-desk export --data-dir DIR --site SITE --out PATH [--zip] [--force] [--json]
       beian-desk export --data-dir DIR (--site SITE --site SITE … | --all) [--stage STAGE] --out-dir DIR [--zip] [--force] [--json]
Writes the site's packet as a new folder inside the --out folder, or with --zip as a .zip file.
An existing file or folder of that name is never replaced: a free name (name(2)) is used and printed.
Several sites (several --site, or --all for every site) go into the --out-dir folder, a folder or a
.zip each; two sites at a time, a progress line each, then the written and the refused sites with reasons.
  --stage STAGE    only sites in these stages (repeat it, or separate with commas): ${STAGE_KEYS}
  --force          export although materials are missing or wrong; the files are marked 草稿 (draft)
Ctrl+C cancels: packets being written are discarded, nothing half-written is left.
${SITE_REF}.
Exit code 1 when any site was not exported.
`,
    compress: (min, max, def) => `Usage: beian-desk compress <file…> --out-dir DIR [options]
       beian-desk compress <file> --out FILE [options]
Compresses pictures or PDFs to JPEGs under the cap (turned upright, EXIF removed).
  --max-bytes N   size cap in bytes, ${min} to ${max}, default ${def}
  --page N        the PDF page to use (default 1)
  --deskew        find a photographed card or page, straighten it and crop it to its edges (as is when none is found)
  --overwrite     allow replacing an existing output file (an input file is never replaced)
  --json          print the results as JSON
Originals are never changed; a taken output name becomes name_${Math.round(def / 1000)}k.jpg, name_${Math.round(def / 1000)}k(2).jpg … (the cap in kB) and is printed.
`,
    status: `Usage: beian-desk status --data-dir DIR [--stage STAGE] [--overdue] [--due-within N] [--json]
Every site's filing progress, as on the app's dashboard: client, site, domain, ICP number, stage, next
deadline, days left, materials ready and findings, most urgent first; the last line is a summary.
  --stage STAGE    only these stages (repeat it, or separate with commas): ${STAGE_KEYS}
  --overdue        only overdue sites
  --due-within N   only sites due within N days (overdue included)
`,
    import: `Usage: beian-desk import <table> --data-dir DIR [--dry-run] [--confirm-updates] [--json]
Imports clients and sites from a CSV or XLSX table, as the app's client import does (encoding and
columns detected). Prints what happens to each row and its findings first.
  --dry-run          check and preview only, write nothing
  --confirm-updates  update existing subjects with the same certificate number (else those rows are not imported)
Rows to fix: nothing is imported, exit code 1. Close the app first: it holds the data folder while it runs.
`,
    event: `Usage: beian-desk event --data-dir DIR --site SITE --stage EVENT [options]
       beian-desk event --data-dir DIR --site SITE --undo
Records a filing event of a site, with the app's checks (an event that cannot happen now is refused
with the reason, exit code 1); --undo removes the last one.
Events: ${EVENT_KEYS}
  --date DATE             the day it happened, YYYY-MM-DD (default today)
  --note TEXT             a note (the reason, for returned)
  --operator NAME         who records it
  --filing-number N       the public-security filing number (required for filed)
  --police UNIT           the public-security office of the filing (required for filed)
  --interview-date DATE   the interview or inspection day (required for interview)
  --interview-time HH:MM  its time
  --place PLACE           its place
  --bring ORIGINAL        an original document to bring (repeat it)
  --inspection            an on-site inspection (default: an interview)
  --assessment-submitted  the security assessment report was submitted
${SITE_REF}. Close the app first: it holds the data folder while it runs.
`,
    archive: `Usage: beian-desk archive export --data-dir DIR --out FILE.bdxa [--json]
       beian-desk archive import FILE.bdxa --data-dir NEW_EMPTY_DIR [--json]
The workspace archive (for a new computer): one encrypted file holding the data file, its backups and
every material file (still encrypted, never decrypted to disk), and the data key protected by the
archive passphrase. Importing needs only that passphrase.
export: an encrypted workspace must be unlocked first (passphrase or recovery key: --passphrase-file,
BEIAN_DESK_PASSPHRASE or typed in a terminal).
import: writes only into a folder that does not exist or is empty, never over a workspace; everything is
checked before anything is written, and an interrupted import leaves no half workspace.
Archive passphrase (at least 8 characters): --archive-passphrase-file FILE (first line), the
BEIAN_DESK_ARCHIVE_PASSPHRASE environment variable, or typed in a terminal (twice when exporting).
Keep the passphrase apart from the archive: without it the archive cannot be opened.
`,
    retention: `Usage: beian-desk retention list --data-dir DIR [--days N] [--json]
       beian-desk retention apply --yes --data-dir DIR [--days N] [--json]
Retention: ID-card photos (front, back, hand-held) may be deleted N days after a site's badge is placed;
a photo several sites use only once all of them have been badged that long. Business licences, domain
certificates and other materials are never deleted. The period is the app's setting (数据加密 → keeping ID
photos) unless --days 30|90|180|365 gives one for this run.
list only lists (read-only); apply --yes deletes the originals, the compressed copies and their records in
every backup, as deleting a material in the app does. Close the app before apply: it holds the data folder.
`,
    backups: `Usage: beian-desk backups list --data-dir DIR [--json]
       beian-desk backups restore <backup id> --data-dir DIR
list shows the data's backups (id, time, subject/site/material counts); restore goes back to one.
The data before a restore is kept as a backup of its own, so a restore can be undone.
Close the app first: it holds the data folder while it runs.
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
    needOutDir:
      'Several sites need --out-dir DIR (a folder; each site becomes a folder or a .zip inside it).',
    outWithMany: 'For several sites use --out-dir DIR, not --out.',
    allWithSite: '--all means every site; do not give --site with it.',
    stageNeedsMany: '--stage works with --all or several --site (and --out-dir).',
    outDirNotFolder: (path) => `${path} is a file, not a folder: give --out-dir a folder.`,
    noneSelected: 'No site matches; nothing was exported. Check --site or --stage.',
    cancelling: 'Cancelling: packets being written will be discarded, no new site is started…',
    progress: (done, total, site, ok) => `[${done}/${total}] ${ok ? '✓' : '✗'} ${site}`,
    siteDone: (site, target, draft) =>
      `✓ ${site} → ${target}${draft ? ' (draft: materials missing or wrong)' : ''}`,
    siteRefused: (site, reason) => `✗ ${site}: ${reason}`,
    detail: (line) => `    - ${line}`,
    total: (ok, refused, outDir, cancelled) =>
      `Total: ${ok} site(s) exported to ${outDir}, ${refused} not exported${cancelled ? ' (cancelled)' : ''}.`,
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
  recovery: {
    found: (outcome) =>
      outcome === 'started-empty'
        ? '✗ The data file is damaged and could not be recovered (details in Chinese):'
        : '! The data file was damaged and has been recovered (details in Chinese):',
    refused: (onDisk) =>
      `${onDisk ? '' : 'Nothing in the data folder was changed. '}Check the above; then run again with --accept-recovered to go on with the recovered data.`,
    accepted: 'Going on with the recovered data (--accept-recovered).',
  },
  stages: {
    preparing: 'preparing',
    submitted: 'submitted',
    reviewing: 'in review',
    returned: 'returned',
    interview: 'interview/inspection',
    filed: 'filed',
    badged: 'badge placed',
    changing: 'changing',
    cancelled: 'cancelled',
  },
  status: {
    badStage: (value, keys) => `Unknown stage "${value}". Stages: ${keys}`,
    badDays: (value) => `--due-within must be a whole number of days, 0 or more, not "${value}".`,
    headers: [
      'Client',
      'Site',
      'Domain',
      'ICP number',
      'Stage',
      'Next deadline',
      'Left',
      'Materials',
      'Findings',
    ],
    deadline: (kind, _label, date) =>
      `${({ 'file-by': 'file by', review: 'review result', interview: 'interview', 'badge-by': 'badge by' } as Record<string, string>)[kind] ?? kind} ${date}`,
    daysLeft: (n) => (n < 0 ? `${-n} d overdue` : n === 0 ? 'due today' : `${n} d left`),
    findings: (errors, warnings) => `${errors} err ${warnings} hint`,
    none: '—',
    empty: 'No site matches.',
    summary: (shown, total, overdue, week, stages) =>
      `Summary: ${shown} site(s) shown of ${total}; ${overdue} overdue, ${week} due within 7 days. By stage: ${stages}`,
    stageCount: (label, n) => `${label} ${n}`,
  },
  import: {
    needFile: 'Give the table file to import (CSV or XLSX).',
    oneFile: 'Import one table file at a time.',
    file: (name, encoding, rows) => `File ${name} (${encoding}), ${rows} data row(s)`,
    row: (line, subject, site, action) =>
      `Line ${line}  ${subject || '(no subject name)'}${site ? ` / ${site}` : ''}: ${action}`,
    actions: {
      new: 'new subject',
      update: 'update existing subject',
      'same-as-above': 'same subject as above',
      skip: 'skipped (existing subject, update not confirmed)',
      invalid: 'cannot be imported',
    },
    siteActions: { new: ', new site', update: ', update site', none: '', skip: ', site skipped' },
    notConfirmed: 'not imported: existing subject, no --confirm-updates',
    problem: (text) => `    ✗ to fix: ${text}`,
    note: (text) => `    note: ${text}`,
    finding: (error, message) => `    ${error ? '! data error' : '! hint'}: ${message}`,
    matches: (n) =>
      `${n} existing subject(s) have the certificate number of rows in the table. Without --confirm-updates those rows are not imported; check them, then run again with --confirm-updates to update:`,
    match: (name, cert, lines) => `  ${name} (${cert}): line(s) ${lines}`,
    blocking: (n) => `${n} row(s) must be fixed first; nothing was imported. Fix the table and import again.`,
    dryRun: (subjects, sites) =>
      `Dry run, nothing written: ${subjects} new subject(s) and ${sites} new site(s) can be imported (updating existing subjects needs --confirm-updates).`,
    done: (c) =>
      `Imported: ${c.newSubjects} new subject(s), ${c.updatedSubjects} updated; ${c.newSites} new site(s), ${c.updatedSites} updated; ${c.skippedRows} row(s) skipped.`,
  },
  event: {
    needSite: 'Give --site SITE (a site id, its main domain or its exact name; see beian-desk list).',
    needStage: (keys) => `Give --stage EVENT, one of: ${keys}`,
    badStage: (value, keys) => `Unknown event "${value}". Events: ${keys}`,
    undoWithStage: '--undo removes the last event; it cannot be combined with --stage.',
    recorded: (site, label, date) => `Recorded: ${site} ${label} (${date})`,
    undone: (site, label, date) => `Removed the last event of ${site}: ${label} (${date})`,
    stageNow: (label) => `Stage now: ${label}`,
    warning: (text) => `  hint: ${text}`,
    refused: (text) => `✗ Refused (reason in Chinese): ${text}`,
  },
  retention: {
    needAction: 'Give list or apply --yes.',
    badAction: (value) => `retention takes list or apply, not "${value}".`,
    needYes:
      'Deleting cannot be undone: check with retention list first, then run retention apply with --yes.',
    badDays: (value, choices) => `--days takes ${choices}, not "${value}".`,
    off: 'Retention is off (set it in the app under 数据加密, or give --days).',
    none: (days) => `No ID photo is due (${days} days after the badge).`,
    line: (sites, person, photo, badged, due) =>
      `due ${due}  ${sites}  ${person}  ${photo}  badge placed ${badged}`,
    summary: (n, days) => `${n} ID photo(s) due (${days} days after the badge).`,
    removed: (n) => `${n} ID photo(s) deleted by retention.`,
    sep: ', ',
  },
  backups: {
    needAction: 'Give list or restore <backup id>.',
    badAction: (value) => `backups takes list or restore, not "${value}".`,
    needId: 'Give the id of the backup to restore (see beian-desk backups list).',
    empty: 'No backups yet.',
    line: (id, takenAt, subjects, sites, materials) =>
      `${id}  ${takenAt}  ${subjects} subject(s), ${sites} site(s), ${materials} material(s)`,
    damaged: (id, takenAt) => `${id}  ${takenAt}  damaged, cannot be restored`,
    restored: (id, takenAt, subjects, sites, materials) =>
      `Restored backup ${id} (${takenAt}): ${subjects} subject(s), ${sites} site(s), ${materials} material(s).`,
    keptAs: (id) => `The data before the restore was kept as backup ${id}; restore it to go back.`,
  },
  archive: {
    needAction: 'Give export or import.',
    badAction: (value) => `archive takes export or import, not "${value}".`,
    needOut: 'Give --out FILE.bdxa, where to save the archive.',
    needFile: 'Give the archive file (.bdxa) to import.',
    prompt: 'Archive passphrase (not shown): ',
    promptAgain: 'The archive passphrase again: ',
    mismatch: 'The two archive passphrases differ; nothing was exported.',
    missing:
      'The archive passphrase is needed: give it with --archive-passphrase-file FILE or BEIAN_DESK_ARCHIVE_PASSPHRASE, or run in a terminal to type it.',
    exported: (path, files, mb) => `Exported the workspace archive: ${path} (${files} files, ${mb} MB).`,
    exportedEncrypted:
      'The material files stay encrypted; the data key is protected by the archive passphrase, which is all the new computer needs.',
    exportedPlain:
      'Note: this workspace is not encrypted (it has no data key); the archive itself is encrypted by the passphrase.',
    imported: (dir, files, mb) => `Imported the workspace into ${dir} (${files} files, ${mb} MB).`,
    unlockKeychain: "The data key is now protected by this computer's keychain; the app unlocks by itself.",
    unlockPassphrase:
      'The workspace keeps its own passphrase: unlock it in the app with that passphrase (or the recovery key).',
    unlockArchive:
      'There is no usable keychain here, so the workspace passphrase is now the archive passphrase: unlock with it (or the old recovery key). Change it in the app under Data encryption.',
    unlockNone: 'This workspace is not encrypted. Set a passphrase in the app under Data encryption.',
    progress: (what, percent, done, total) =>
      what === 'key'
        ? 'Deriving the key from the archive passphrase…'
        : `${{ checking: 'Checking the archive', export: 'Writing the archive', import: 'Writing the workspace' }[what]}: ${percent}% (${done} / ${total} MB)`,
  },
  unlock: {
    prompt: 'This workspace is encrypted. Type the passphrase or the recovery key (not shown): ',
    cancelled: 'Passphrase entry cancelled; the command did nothing.',
    keychainOnly:
      "This workspace's key is protected by the system keychain, which only the Beian Desk app can use; the command line cannot unlock it. Give the recovery key (the printed XXXX-XXXX-… code) with --passphrase-file FILE, the BEIAN_DESK_PASSPHRASE environment variable, or by running in a terminal to type it; or set a passphrase in the app (Settings → Data encryption) and use that.",
    needSecret:
      'This workspace is encrypted: reading its data and materials needs the passphrase or the recovery key. Give it with --passphrase-file FILE or BEIAN_DESK_PASSPHRASE, or run in a terminal to type it.',
    fileUnreadable: (path) =>
      `Cannot read the passphrase file "${path}": check the path and its permissions.`,
    fileEmpty: (path) =>
      `The passphrase file "${path}" is empty: put the passphrase or recovery key on its first line.`,
  },
  internal: 'Something went wrong: ',
}
