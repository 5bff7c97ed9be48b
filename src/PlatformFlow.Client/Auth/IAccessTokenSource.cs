using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Client.Auth
{
    /// <summary>Where the bearer token of a signed-in context comes from.</summary>
    public interface IAccessTokenSource
    {
        /// <summary>A token valid for at least a while; implementations renew before expiry. Thread-safe.</summary>
        Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);

        /// <summary>Whether a token the platform refused can be replaced by a new one, so a call answered 401 is worth sending again.</summary>
        bool CanRenew { get; }

        /// <summary>Forget <paramref name="rejectedToken"/> after the platform answered 401, so the next call fetches a new one.</summary>
        /// <returns>True when a new token can be had (a retry is worth it).</returns>
        bool Invalidate(string rejectedToken);
    }
}
