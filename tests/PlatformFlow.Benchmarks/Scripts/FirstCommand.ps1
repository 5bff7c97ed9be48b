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
    # Copies of a flow as the emulator stores one that New-Dataflow made, written straight into the sandbox's collection:
    # making them through the cmdlets would warm up the very code being measured.
    $context = Get-PlatformContext
    $stored = $context.Emulator.Sandbox($context.Sandbox).Collection('flows')
    $template = '{"id":"FLOW_ID","createdAt":1796689023318,"updatedAt":1796689023318,"createdBy":"platformflow-emulator@AdobeID","updatedBy":"platformflow-emulator@AdobeID","createdClient":"platformflow-emulator","updatedClient":"platformflow-emulator","sandboxName":"prod","imsOrgId":"EMULATOR0000000000000000@AdobeOrg","name":"FLOW_NAME","flowSpec":{"id":"14518937-270c-4525-bdec-c2ba7cce3860","version":"1.0"},"sourceConnectionIds":["87a07ce1-08d7-4972-ac50-c5932e0c3577"],"targetConnectionIds":["02f70d88-4198-4b68-a07c-b51712cd6534"],"transformations":[{"name":"Mapping","params":{"mappingId":"1a95e41e6593acd0aee5f4e9aedd287d","mappingVersion":"0"}}],"scheduleParams":{"startTime":1796689023,"frequency":"once"},"inheritedAttributes":{"sourceConnections":[{"id":"87a07ce1-08d7-4972-ac50-c5932e0c3577","connectionSpec":{"id":"4f63aa36-bd48-4e33-bb83-49fbcd11c708","version":"1.0"},"baseConnection":{"id":"c97e529b-e88c-4dfd-9216-1dc2655e5a08","connectionSpec":{"id":"4f63aa36-bd48-4e33-bb83-49fbcd11c708","version":"1.0"}}}],"targetConnections":[{"id":"02f70d88-4198-4b68-a07c-b51712cd6534","connectionSpec":{"id":"c604ff05-7f1a-43c0-8e18-33bf874cb11c","version":"1.0"}}]},"state":"enabled","lastOperation":{"started":1796689023318,"operation":"create"},"etag":"\"10000004-0000-0200-0000-6b174c7f0000\"","version":"\"10000004-0000-0200-0000-6b174c7f0000\""}'
    for ($i = 1; $i -le $ListedFlows; $i++) {
        $id = [guid]::NewGuid().ToString()
        $stored.Add($id, [System.Text.Json.Nodes.JsonNode]::Parse($template.Replace('FLOW_ID', $id).Replace('FLOW_NAME', ('Listed flow {0:D3}' -f $i))))
    }

    # The harness's own first use of ForEach-Object is PowerShell's cost, not the cmdlet's.
    1 | ForEach-Object { } | Out-Null
    $client = $context.Client.PSObject.BaseObject
    $probe = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($client.GetType().Assembly).
        LoadFromAssemblyPath((Join-Path (Split-Path $PSScriptRoot) 'PlatformFlow.Benchmarks.dll')).
        GetType('PlatformFlow.Benchmarks.FirstObjectProbe', $true).GetMethod('LibraryFirstObjectMilliseconds')
    $listings = [ordered]@{
        Cmdlet  = {
            $firstAt = $null
            $listed = 0
            $clock.Restart()
            Get-Dataflow | ForEach-Object { if ($null -eq $firstAt) { $firstAt = $clock.Elapsed.TotalMilliseconds }; $listed++ }
            if ($listed -ne $ListedFlows) { throw "Get-Dataflow listed $listed flows of $ListedFlows." }
            $firstAt
        }
        Library = { $probe.Invoke($null, [object[]]@($client, $ListedFlows)) }
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
