#Requires -Version 7.0
<#
.SYNOPSIS
    Builds PlatformFlow and runs its tests or the tutorial, with the same dotnet commands as .ci/run.
.PARAMETER Task
    Build    - build the solution; the module folder appears at out/PlatformFlow.
    Test     - build, then run the xunit suite (dotnet test PlatformFlow.sln) and the Pester suite (tests/*.Tests.ps1).
    Pester   - run only the Pester suite against out/PlatformFlow.
    Tutorial - build, then run the tutorial's whole flow as one pipeline against the embedded emulator.
.PARAMETER Configuration
    Debug or Release (default Release).
.PARAMETER NoBuild
    Use what is already built.
.EXAMPLE
    ./build.ps1 -Task Tutorial
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

function Invoke-PesterSuite {
    # In a child process: the suites load the built module and the embedded emulator, whose state is process-wide, so
    # each run starts from an empty emulator and nothing holds out/PlatformFlow's assemblies afterwards.
    & pwsh -NoProfile -NonInteractive -Command {
        param([string] $TestsFolder)
        $ErrorActionPreference = 'Stop'
        $pester = Get-Module -ListAvailable Pester | Where-Object Version -GE ([version]'5.0') | Sort-Object Version -Descending | Select-Object -First 1
        if (-not $pester) {
            throw 'Pester 5 is required for the PowerShell tests: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser'
        }

        Import-Module $pester
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestsFolder
        $configuration.Run.Exit = $false
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $configuration
        # A file that fails outside any test (discovery, BeforeAll) fails its tests without counting them: count it too.
        $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        Write-Host "Tests Passed: $($result.PassedCount), Failed: $failed"
        exit ([int]($failed -gt 0))
    } -args (Join-Path $root 'tests')
    if ($LASTEXITCODE -ne 0) { exit 1 }
}

if (-not $NoBuild -and $Task -ne 'Pester') {
    Invoke-Dotnet build (Join-Path $root 'PlatformFlow.sln') -c $Configuration
}

switch ($Task) {
    'Build' { Write-Host "Module folder: $moduleFolder" }
    'Test' {
        Invoke-Dotnet test (Join-Path $root 'PlatformFlow.sln') -c $Configuration --no-build
        Invoke-PesterSuite
    }
    'Pester' { Invoke-PesterSuite }
    'Tutorial' {
        & pwsh -NoProfile -File (Join-Path $root 'docs/examples/tutorial-pipeline.ps1')
        if ($LASTEXITCODE -ne 0) { throw "The tutorial failed with exit code $LASTEXITCODE." }
    }
}
