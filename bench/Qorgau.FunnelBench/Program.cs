using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Qorgau.FunnelBench.FunnelBenchmarks).Assembly).Run(args);
