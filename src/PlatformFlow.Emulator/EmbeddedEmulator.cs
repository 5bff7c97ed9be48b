using System;
using System.Security.Cryptography;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator
{
    /// <summary>
    /// The emulator behind <c>Connect-Platform -Emulator</c>: one current engine per process, so its sandboxes keep their state
    /// across reconnects and every runspace sees the same data, until <see cref="StartNew"/> (<c>-Reset</c>) puts an empty one
    /// in its place; contexts connected before keep the engine they were connected to. It enforces credentials generated for this process, so the
    /// client's OAuth flow runs for real, offline. Runs are short (queued 2 s, running 5 s) so a rehearsal can watch one
    /// finish.
    /// </summary>
    public static class EmbeddedEmulator
    {
        /// <summary>The address the in-process emulator answers to (no socket is opened for it).</summary>
        public static readonly Uri BaseUri = new Uri("https://platform.emulator.invalid");

        public const string OrgId = "EMULATOR0000000000000000@AdobeOrg";

        public static string ClientId { get; } = "platformflow-emulator";

        /// <summary>A secret made for this process only; nothing outside it can reuse it.</summary>
        public static string ClientSecret { get; } = NewSecret();

        private static readonly object Gate = new object();
        private static EmulatorEngine? _current;

        /// <summary>The current engine, made on first use.</summary>
        public static EmulatorEngine Engine
        {
            get
            {
                lock (Gate)
                {
                    return _current ??= NewEngine();
                }
            }
        }

        /// <summary>Replaces the current engine with an empty one (the seeded specs, no user resources) and returns it.</summary>
        public static EmulatorEngine StartNew()
        {
            lock (Gate)
            {
                return _current = NewEngine();
            }
        }

        private static EmulatorEngine NewEngine() => new EmulatorEngine(new EmulatorOptions
        {
            Credentials = new EmulatorCredentials(ClientId, ClientSecret),
            RunQueuedFor = TimeSpan.FromSeconds(2),
            RunDuration = TimeSpan.FromSeconds(5),
        });

        private static string NewSecret()
        {
            var bytes = new byte[24];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return Convert.ToBase64String(bytes);
        }
    }
}
