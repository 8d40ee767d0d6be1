// The runner redirects Console.Out and sets the current directory while a cell runs: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
