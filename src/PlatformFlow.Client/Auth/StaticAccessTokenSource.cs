using System;
using System.Threading;
using System.Threading.Tasks;

namespace PlatformFlow.Client.Auth
{
    /// <summary>A token the caller already has (<c>Connect-Platform -AccessToken</c>): used as is, never renewed.</summary>
    public sealed class StaticAccessTokenSource : IAccessTokenSource
    {
        private readonly string _token;

        // One completed task for every call, rather than one per call.
        private readonly Task<string> _completed;

        public StaticAccessTokenSource(string token)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ArgumentException("The access token is empty.", nameof(token));
            }

            _token = token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? token.Substring(7).Trim() : token.Trim();
            _completed = Task.FromResult(_token);
        }

        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => _completed;

        public bool CanRenew => false;

        public bool Invalidate(string rejectedToken) => false;

        public override string ToString() => "StaticAccessTokenSource (token hidden)";
    }
}
