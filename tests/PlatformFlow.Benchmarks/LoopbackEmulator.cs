using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// The standalone emulator host in a process of its own on 127.0.0.1, so what this process allocates is the
    /// client's alone. Started without credentials: it accepts any bearer token, so no IMS call is measured.
    /// </summary>
    public sealed class LoopbackEmulator : IDisposable
    {
        private const string ListeningLine = "PlatformFlow emulator listening on ";

        private readonly Process _process;

        private LoopbackEmulator(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<LoopbackEmulator> StartAsync(params string[] hostArguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(HostAssembly());
            start.ArgumentList.Add("--port");
            start.ArgumentList.Add("0");
            foreach (var argument in hostArguments)
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator host.");
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is string line)
            {
                if (line.StartsWith(ListeningLine, StringComparison.Ordinal))
                {
                    return new LoopbackEmulator(process, new Uri(line.Substring(ListeningLine.Length).Trim()));
                }
            }

            var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The emulator host ended before listening: " + error);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        /// <summary>The host built beside this benchmark (same configuration), found from the solution folder.</summary>
        private static string HostAssembly()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PlatformFlow.sln")))
                {
                    var host = Path.Combine(folder.FullName, "src", "PlatformFlow.Emulator.Host", "bin", Configuration, "net10.0", "PlatformFlow.Emulator.Host.dll");
                    return File.Exists(host) ? host : throw new FileNotFoundException("Build the emulator host first (dotnet build -c " + Configuration + ").", host);
                }
            }

            throw new DirectoryNotFoundException("No PlatformFlow.sln above " + AppContext.BaseDirectory + ".");
        }

#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif
    }
}
