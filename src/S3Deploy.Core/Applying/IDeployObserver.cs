using S3Deploy.Core.Diagnostics;
using S3Deploy.Core.Planning;

namespace S3Deploy.Core.Applying;

/// <summary>How adapters watch a deploy: a progress bar, build log lines, CI annotations. Calls may come from several threads.</summary>
public interface IDeployObserver
{
    void Info(string message) { }

    void Warning(Diagnostic warning) { }

    void Planned(DeployPlan plan) { }

    void PhaseStarted(Phase phase, int actions, long bytes) { }

    void ActionCompleted(PlannedAction action) { }

    /// <summary>Part of an upload's body has been sent (a retry sends it again, so the sum may exceed the size).</summary>
    void BytesSent(PlannedAction action, long bytes) { }
}
