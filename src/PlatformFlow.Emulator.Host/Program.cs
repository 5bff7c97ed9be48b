using System;
using System.Threading.Tasks;
using PlatformFlow.Emulator.Engine;

namespace PlatformFlow.Emulator.Host
{
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            HostOptions options;
            try
            {
                options = HostOptions.Parse(args);
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }

            if (options.ShowHelp)
            {
                Console.WriteLine(HostOptions.Usage);
                return 0;
            }

            await using (var server = await EmulatorServer.StartAsync(new EmulatorEngine(options.Emulator), options.Port).ConfigureAwait(false))
            {
                Console.WriteLine("PlatformFlow emulator listening on " + server.BaseAddress.GetLeftPart(UriPartial.Authority));
                await server.WaitForShutdownAsync().ConfigureAwait(false);
            }

            return 0;
        }
    }
}
