using System.Text;
using DocLint.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
// A stop signal removes the temporary files of fixes in progress.
using var cleanup = DocLint.Core.Fixing.SafeFileWriter.RemoveTempFilesOnTermination();
return DocLintApp.Run(args, CliContext.ForProcess());
