/**
 * Command-line parsing without annotations or reflection: commands, options and parameters are
 * declared in plain code ({@link dev.temper.cli.args.CommandSpec}), {@link
 * dev.temper.cli.args.ArgumentParser} turns the words of a command line into {@link
 * dev.temper.cli.args.ParsedArgs}, and values are converted to their types only when a command
 * reads them. {@link dev.temper.cli.args.HelpFormatter} renders the help of any declared command.
 * The package contains no temper logic.
 */
package dev.temper.cli.args;
