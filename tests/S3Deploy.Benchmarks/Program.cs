using S3Deploy.Benchmarks;

return args switch
{
    ["planner", .. var rest] => PlannerScenario.Run(rest),
    ["planner-one", var n] => await PlannerScenario.RunOneAsync(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: S3Deploy.Benchmarks planner [N ...]   (default 100000 250000 500000 1000000)");
    return 2;
}
