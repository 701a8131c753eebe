namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>Ready-made <see cref="Rule"/>s: a seeded share of the requests, or the first few.</summary>
internal sealed partial class FaultProxy
{
    /// <summary>A rule that applies <paramref name="fault"/> to a seeded share of the requests <paramref name="where"/> selects.</summary>
    public static Func<ProxyRequest, Fault?> Share(double share, int seed, Fault fault, Func<ProxyRequest, bool>? where = null)
    {
        var random = new Random(seed);
        var gate = new Lock();
        return request =>
        {
            if (where is not null && !where(request))
            {
                return null;
            }

            lock (gate)
            {
                return random.NextDouble() < share ? fault : null;
            }
        };
    }

    /// <summary>A rule that applies <paramref name="fault"/> to the first <paramref name="count"/> requests <paramref name="where"/> selects.</summary>
    public static Func<ProxyRequest, Fault?> FirstN(int count, Fault fault, Func<ProxyRequest, bool> where)
    {
        var left = count;
        return request => where(request) && Interlocked.Decrement(ref left) >= 0 ? fault : null;
    }
}
