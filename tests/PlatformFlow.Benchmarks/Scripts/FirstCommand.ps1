# P4 and P9: how long Import-Module and the first command take in a fresh PowerShell process, and how much of it the JIT
# takes (System.Runtime.JitInfo: methods compiled and time spent compiling, on all threads). Writes one JSON
# object. -WarmPowerShell imports an empty script module first, so that what PowerShell's own first Import-Module compiles
# is not counted against PlatformFlow.
# -ListFirst (P9): then the first object of a listing, cold, both ways in this process on the same emulator data: through
# Get-Dataflow, and through the library alone (the GetDataflowOperation the cmdlet runs, FirstObjectProbe.cs); the one
# named goes first and pays what both share the first time (the flows' JSON metadata, the emulator's listing).
# -ImportOnly: Import-Module alone, of any module (P9's floor, MinimalModule.ps1).
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $ModulePath,
    [switch] $WarmPowerShell,
    [switch] $ImportOnly,
    [ValidateSet('Cmdlet', 'Library')][string] $ListFirst,
    [int] $ListedFlows = 20
)

$ErrorActionPreference = 'Stop'
if ($WarmPowerShell) {
    $empty = Join-Path ([IO.Path]::GetTempPath()) ('PlatformFlowBenchmarkEmpty' + $PID)
    New-Item -ItemType Directory -Path $empty -Force | Out-Null
    Set-Content -Path (Join-Path $empty 'Empty.psm1') -Value 'function Get-Nothing { }'
    Set-Content -Path (Join-Path $empty 'Empty.psd1') -Value "@{ ModuleVersion = '1.0'; RootModule = 'Empty.psm1'; FunctionsToExport = @('Get-Nothing') }"
    Import-Module (Join-Path $empty 'Empty.psd1')
    Remove-Item -Path $empty -Recurse -Force
}

$phases = [ordered]@{}
$clock = [Diagnostics.Stopwatch]::new()
function Measure-Phase([string] $Name, [scriptblock] $Work) {
    $methods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    $jit = [System.Runtime.JitInfo]::GetCompilationTime($false)
    $clock.Restart()
    $result = . $Work
    $elapsed = $clock.Elapsed.TotalMilliseconds
    $phases[$Name + 'Ms'] = $elapsed
    $phases[$Name + 'JitMs'] = ([System.Runtime.JitInfo]::GetCompilationTime($false) - $jit).TotalMilliseconds
    $phases[$Name + 'JitMethods'] = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $methods
    $result
}

Measure-Phase Import { Import-Module $ModulePath }
if ($ImportOnly) {
    [pscustomobject]$phases | ConvertTo-Json -Compress
    return
}

Measure-Phase Connect { Connect-Platform -Emulator | Out-Null }
$phases.Flows = Measure-Phase FirstList { Get-Dataflow -Count }

if ($ListFirst) {
    # The flows are made the tutorial's way by bare requests to the emulator (FirstObjectProbe.CreateFlows): making them
    # through the cmdlets or the client would warm up the very code being measured. The probe is loaded into the module's
    # load context, so it shares the client's types.
    $context = Get-PlatformContext
    $client = $context.Client.PSObject.BaseObject
    $probe = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($client.GetType().Assembly).
        LoadFromAssemblyPath((Join-Path (Split-Path $PSScriptRoot) 'PlatformFlow.Benchmarks.dll')).
        GetType('PlatformFlow.Benchmarks.FirstObjectProbe', $true)
    $probe.GetMethod('CreateFlows').Invoke($null, [object[]]@($client, $ListedFlows)) | Out-Null
    $libraryFirstObject = $probe.GetMethod('LibraryFirstObjectMilliseconds')

    # The harness's own first use of ForEach-Object is PowerShell's cost, not the cmdlet's.
    1 | ForEach-Object { } | Out-Null
    $listings = [ordered]@{
        Cmdlet  = {
            $firstAt = $null
            $listed = 0
            $clock.Restart()
            Get-Dataflow | ForEach-Object { if ($null -eq $firstAt) { $firstAt = $clock.Elapsed.TotalMilliseconds }; $listed++ }
            if ($listed -ne $ListedFlows) { throw "Get-Dataflow listed $listed flows of $ListedFlows." }
            $firstAt
        }
        Library = { $libraryFirstObject.Invoke($null, [object[]]@($client, $ListedFlows)) }
    }
    $order = if ($ListFirst -eq 'Cmdlet') { 'Cmdlet', 'Library' } else { 'Library', 'Cmdlet' }
    foreach ($way in $order) {
        $methods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        $phases["FirstObject${way}Ms"] = & $listings[$way]
        $phases["FirstObject${way}JitMethods"] = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $methods
    }
    $phases.ListFirst = $ListFirst
}
[pscustomobject]$phases | ConvertTo-Json -Compress
