# P4 and P9: how long Import-Module and the first command take in a fresh PowerShell process, and how much of it the JIT
# takes (System.Runtime.JitInfo: methods compiled and time spent compiling, on all threads). Writes one JSON
# object. -WarmPowerShell imports an empty script module first, so that what PowerShell's own first Import-Module compiles
# is not counted against PlatformFlow.
[CmdletBinding()]
param([Parameter(Mandatory)][string] $ModulePath, [switch] $WarmPowerShell)

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
Measure-Phase Connect { Connect-Platform -Emulator | Out-Null }
$phases.Flows = Measure-Phase FirstList { Get-Dataflow -Count }
[pscustomobject]$phases | ConvertTo-Json -Compress
