using BenchmarkDotNet.Running;

// Hot paths of the pipeline, on the seed articles (seeds/ in this repository):
//   dotnet run -c Release --project bench/DocLint.Benchmarks -- --filter '*'
// The whole-corpus benchmark against ripgrep is bench/corpus.sh.
BenchmarkSwitcher.FromAssembly(typeof(DocLint.Benchmarks.Seeds).Assembly).Run(args);
