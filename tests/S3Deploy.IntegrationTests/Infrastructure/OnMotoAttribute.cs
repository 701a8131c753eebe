using System.Reflection;
using Xunit.Sdk;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a theory on moto. Without moto the case is skipped, saying how to get it; in CI (CI=true) it runs and fails instead,
/// so a CI image that lost moto cannot pass by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnMotoAttribute : DataAttribute
{
    public OnMotoAttribute()
    {
        if (!MotoInstall.Required && MotoInstall.Missing is { } reason)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Emulator.Moto]];
}
