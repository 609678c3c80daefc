// Parse a Moodle GIFT file with gift-pegjs and print the result as JSON.
const fs = require("fs");
const parser = require("gift-pegjs");
const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parser.parse(text)));
} catch (error) {
  process.stderr.write(`${error.location ? error.location.start.line + ":" + error.location.start.column : ""} ${error.message}\n`);
  process.exit(1);
}
