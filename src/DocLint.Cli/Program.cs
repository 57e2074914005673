using System.Text;
using DocLint.Cli;

StageTimes.Mark("main");
DocLint.Cli.Commands.CheckCommand.StartAhead(args);
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
// A stop signal removes the temporary files of fixes in progress.
using var cleanup = DocLint.Core.Fixing.SafeFileWriter.RemoveTempFilesOnTermination();
StageTimes.Mark("setup");
var exit = DocLintApp.Run(args, CliContext.ForProcess());
StageTimes.Mark("end");
StageTimes.Write(Console.Error);
return exit;
