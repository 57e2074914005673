using System.Text;
using DocLint.Cli;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return DocLintApp.Run(args, CliContext.ForProcess());
