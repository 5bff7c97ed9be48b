using System;
using System.Diagnostics;
using PlatformFlow.Client;
using PlatformFlow.Client.Inputs;
using PlatformFlow.Client.Operations;

namespace PlatformFlow.Benchmarks
{
    /// <summary>
    /// P9's listing without the cmdlet: <c>Scripts/FirstCommand.ps1</c> loads this assembly into the module's own load
    /// context inside the PowerShell process and runs the very <see cref="GetDataflowOperation"/> that <c>Get-Dataflow</c>
    /// runs, on the signed-in context's client, against the same emulator data.
    /// </summary>
    public static class FirstObjectProbe
    {
        /// <summary>Milliseconds from the start of the listing to its first object; every flow is listed, as the cmdlet's run does.</summary>
        public static double LibraryFirstObjectMilliseconds(PlatformClient client, int flows)
        {
            var clock = Stopwatch.StartNew();
            var host = new StreamConsumerHost(clock, 0, flows);
            new GetDataflowOperation(client).RunAsync(new ResourceQuery(), host).GetAwaiter().GetResult();
            if (host.Count != flows)
            {
                throw new InvalidOperationException("The library listed " + host.Count + " flows of " + flows + ".");
            }

            return host.FirstObjectAfter.GetValueOrDefault().TotalMilliseconds;
        }
    }
}
