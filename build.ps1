#Requires -Version 7.0
<#
.SYNOPSIS
    Builds PlatformFlow and runs its tests or the tutorial. Needs only the .NET SDK: run it as
    `dotnet tool restore && dotnet pwsh ./build.ps1 -Task ...` (PowerShell comes from the tool manifest, Pester from NuGet).
.PARAMETER Task
    Build    - build the solution; the module folder appears at out/PlatformFlow.
    Test     - build, then run the xunit suite and the Pester suite (tests/*.Tests.ps1); ends with one line
               "tests: N passed, N failed".
    Pester   - run only the Pester suite against out/PlatformFlow.
    Tutorial - build, then run the tutorial's whole flow as one pipeline against the embedded emulator.
.PARAMETER Configuration
    Debug or Release (default Release).
.PARAMETER NoBuild
    Use what is already built.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Tutorial
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Tutorial')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleFolder = Join-Path $root 'out/PlatformFlow'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-ChildPowerShell {
    # The same PowerShell that runs this script, in a new process: as a .NET tool ('dotnet pwsh') the process is the
    # dotnet host running pwsh.dll, so no 'pwsh' needs to be on the PATH.
    $self = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') {
        & $self (Join-Path $PSHOME 'pwsh.dll') @args
    } else {
        & $self @args
    }
}

function Get-PesterModulePath {
    # Pester 5 from NuGet (tests/PesterPackage restores it); an installed Pester 5 is not needed.
    $pathFile = Join-Path $root 'tests/PesterPackage/obj/pester-path.txt'
    $manifestOf = { if (Test-Path $pathFile) { Join-Path (Get-Content $pathFile -TotalCount 1).Trim() 'Pester.psd1' } }
    if (-not ((& $manifestOf) -and (Test-Path (& $manifestOf)))) {
        # Not restored yet, or restored into another packages folder since.
        Invoke-Dotnet build (Join-Path $root 'tests/PesterPackage/PesterPackage.csproj') -c $Configuration --nologo -v quiet | Out-Host
    }
    $manifest = & $manifestOf
    if (-not ($manifest -and (Test-Path $manifest))) { throw "Pester could not be had: NuGet did not restore $manifest." }
    $manifest
}

function Invoke-PesterSuite {
    # In a child process: the suites load the built module and the embedded emulator, whose state is process-wide, so
    # each run starts from an empty emulator and nothing holds out/PlatformFlow's assemblies afterwards.
    $pester = Get-PesterModulePath
    Invoke-ChildPowerShell -NoProfile -NonInteractive -Command {
        param([string] $PesterManifest, [string] $TestsFolder, [string] $ResultFile)
        $ErrorActionPreference = 'Stop'
        Import-Module $PesterManifest
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestsFolder
        $configuration.Run.Exit = $false
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $configuration
        # A file that fails outside any test (discovery, BeforeAll) fails its tests without counting them: count it too.
        $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Set-Content -Path $ResultFile -Value "$($result.PassedCount) $failed $($result.SkippedCount + $result.NotRunCount)"
    } -args $pester, (Join-Path $root 'tests'), $script:pesterResultFile
}

function Invoke-XunitSuite {
    # The counts come from a TRX report, not from console text.
    $resultsFolder = Join-Path $root 'artifacts/test-results'
    Remove-Item $resultsFolder -Recurse -Force -ErrorAction SilentlyContinue
    & dotnet test (Join-Path $root 'PlatformFlow.sln') -c $Configuration --no-build --logger 'trx;LogFileName=xunit.trx' --results-directory $resultsFolder | Out-Host
    $trx = Get-ChildItem $resultsFolder -Filter *.trx -Recurse -ErrorAction SilentlyContinue
    if (-not $trx) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Note = 'xunit wrote no results' } }
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($file in $trx) {
        $counters = ([xml](Get-Content $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $skipped += [int]$counters.notExecuted
    }
    if ($LASTEXITCODE -ne 0 -and $failed -eq 0) { $failed = 1 }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; Note = '' }
}

function Invoke-PesterCount {
    $script:pesterResultFile = Join-Path ([IO.Path]::GetTempPath()) "platformflow-pester-$PID.txt"
    Remove-Item $script:pesterResultFile -ErrorAction SilentlyContinue
    try {
        Invoke-PesterSuite | Out-Host
        if (-not (Test-Path $script:pesterResultFile)) {
            return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Note = 'Pester did not start or did not finish' }
        }
        $passed, $failed, $skipped = (Get-Content $script:pesterResultFile -TotalCount 1).Split(' ') | ForEach-Object { [int]$_ }
        if ($passed + $failed -eq 0) { $failed = 1 }
        [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; Note = '' }
    } finally {
        Remove-Item $script:pesterResultFile -ErrorAction SilentlyContinue
    }
}

function Write-TestSummary {
    param([Parameter(Mandatory)][object[]] $Suites)
    $passed = ($Suites | Measure-Object Passed -Sum).Sum
    $failed = ($Suites | Measure-Object Failed -Sum).Sum
    $skipped = ($Suites | Measure-Object Skipped -Sum).Sum
    foreach ($suite in $Suites) {
        $line = "$($suite.Name): $($suite.Passed) passed, $($suite.Failed) failed, $($suite.Skipped) skipped"
        if ($suite.Note) { $line += " ($($suite.Note))" }
        Write-Host $line
    }
    $summary = "tests: $passed passed, $failed failed"
    if ($skipped -gt 0) { $summary += ", $skipped skipped" }
    Write-Host $summary
    if ($failed -gt 0) { exit 1 }
}

if (-not $NoBuild -and $Task -ne 'Pester') {
    Invoke-Dotnet build (Join-Path $root 'PlatformFlow.sln') -c $Configuration
}

switch ($Task) {
    'Build' { Write-Host "Module folder: $moduleFolder" }
    'Test' {
        $xunit = Invoke-XunitSuite | Add-Member -PassThru Name 'xunit'
        $pester = Invoke-PesterCount | Add-Member -PassThru Name 'pester'
        Write-TestSummary -Suites $xunit, $pester
    }
    'Pester' { Write-TestSummary -Suites (Invoke-PesterCount | Add-Member -PassThru Name 'pester') }
    'Tutorial' {
        Invoke-ChildPowerShell -NoProfile -File (Join-Path $root 'docs/examples/tutorial-pipeline.ps1')
        if ($LASTEXITCODE -ne 0) { throw "The tutorial failed with exit code $LASTEXITCODE." }
    }
}
