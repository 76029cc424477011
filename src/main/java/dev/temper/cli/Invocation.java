package dev.temper.cli;

import dev.temper.cli.args.ParsedArgs;
import java.io.PrintWriter;

/**
 * One run of a command: its parsed command line and where it writes.
 *
 * @param args the parsed command line
 * @param out standard output, for the command's result
 * @param err standard error, for progress, warnings and failures
 */
record Invocation(ParsedArgs args, PrintWriter out, PrintWriter err) {}
