using S3Deploy.Benchmarks;

return args switch
{
    ["planner", .. var rest] => PlannerScenario.Run(rest),
    ["history", .. var rest] => await KeptRecordsScenario.RunAsync(rest),
    ["planner-one", var n] => await PlannerScenario.RunOneAsync(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: S3Deploy.Benchmarks planner [N ...]   (default 100000 250000 500000 1000000)");
    Console.Error.WriteLine("       S3Deploy.Benchmarks history [N ...]   (default 100000)");
    return 2;
}
