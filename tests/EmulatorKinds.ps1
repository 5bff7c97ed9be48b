# Dot-sourced (in a BeforeAll) by the suites that run against the embedded and the standalone emulator alike:
# Connect-TestEmulator and Disconnect-TestEmulator. Dot-sourced rather than in TestHelpers.psm1, since they sign in and
# out, and a context made inside a module's scope is not the suite's current one.

function Connect-TestEmulator {
    <#
    .SYNOPSIS
        Connects to an empty emulator of the kind asked for: the embedded one, or a standalone host started on a free
        loopback port. Runs are queued for -QueuedFor and last -RunsFor. Returns Kind, Process and Url (the last two only
        for the standalone host); Disconnect-TestEmulator stops what it started.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][ValidateSet('embedded', 'standalone')][string] $Kind,
        [TimeSpan] $QueuedFor = [TimeSpan]::FromSeconds(1),
        [TimeSpan] $RunsFor = [TimeSpan]::FromSeconds(1)
    )
    if ($Kind -eq 'embedded') {
        Connect-Platform -Emulator -Reset | Out-Null
        Set-EmulatorRunTiming -QueuedFor $QueuedFor -RunsFor $RunsFor
        return [pscustomobject]@{ Kind = $Kind; Process = $null; Url = $null }
    }

    $seconds = { param($span) [string][math]::Max(0, [math]::Round($span.TotalSeconds)) }
    $standalone = Start-StandaloneEmulator -Argument '--run-queued', (& $seconds $QueuedFor), '--run-duration', (& $seconds $RunsFor)
    $process = $standalone.Process
    $url = $standalone.Url
    $secret = ConvertTo-SecureString "files-$(New-TestSuffix)" -AsPlainText -Force
    Connect-Platform -BaseUri $url -ClientId files -ClientSecret $secret -OrgId 'FILES@AdobeOrg' | Out-Null
    [pscustomobject]@{ Kind = $Kind; Process = $process; Url = $url }
}

function Disconnect-TestEmulator {
    <# .SYNOPSIS Stops the standalone host Connect-TestEmulator started (if any) and goes back to the embedded emulator. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    if ($Emulator.Process) {
        Get-PlatformContext | Disconnect-Platform -ErrorAction SilentlyContinue
        $Emulator.Process.Kill()
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    Connect-Platform -Emulator | Out-Null
}
