using System.Reflection;
using Xunit.Sdk;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a theory on moto, with <paramref name="data"/> after the server as InlineData would pass it. Without moto the case
/// is skipped, saying how to get it; in CI (CI=true) it runs and fails instead, so a CI image that lost moto cannot pass
/// by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OnMotoAttribute : DataAttribute
{
    private readonly object[] data;

    public OnMotoAttribute(params object[] data)
    {
        this.data = data;
        if (!MotoInstall.Required && MotoInstall.Missing is { } reason)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Emulator.Moto, .. data]];
}
