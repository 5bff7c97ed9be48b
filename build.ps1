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
    Mutation - run Stryker.NET (pinned in .config/dotnet-tools.json) against the xunit suite, one folder at a time:
               the client's Http/, Validation/ and Operations/ and the emulator's Engine/. Prints each folder's score
               and its surviving mutants; reports go to artifacts/mutation/<folder>/. Slow: not part of Test or CI.
.PARAMETER Configuration
    Debug or Release (default Release).
.PARAMETER NoBuild
    Use what is already built.
.PARAMETER MutationFolder
    Mutation only: the folders to mutate (default all): ClientHttp, ClientValidation, ClientOperations, EmulatorEngine.
.PARAMETER Since
    Mutation only: mutate only the files changed since this git commit (Stryker's --since).
.PARAMETER Concurrency
    Mutation only: test processes Stryker runs at once (default 1, for a shared machine).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Tutorial
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Tutorial', 'Mutation')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $NoBuild,
    # A list, or one comma-separated word (as 'dotnet pwsh ./build.ps1 -MutationFolder A,B' from a shell passes it).
    [string[]] $MutationFolder = @('ClientHttp', 'ClientValidation', 'ClientOperations', 'EmulatorEngine'),
    [string] $Since,
    [ValidateRange(1, 16)]
    [int] $Concurrency = 1
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
    if (-not (Test-Path $pathFile)) {
        Invoke-Dotnet build (Join-Path $root 'tests/PesterPackage/PesterPackage.csproj') -c $Configuration --nologo -v quiet
    }
    $folder = (Get-Content $pathFile -TotalCount 1).Trim()
    $manifest = Join-Path $folder 'Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester could not be had: NuGet did not restore $manifest." }
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

function Invoke-MutationRun {
    param([Parameter(Mandatory)][string] $Folder)
    # Which project each folder belongs to, and the files in it Stryker may mutate.
    $targets = @{
        ClientHttp       = @{ Project = 'PlatformFlow.Client.csproj'; Mutate = '**/Http/**/*.cs' }
        ClientValidation = @{ Project = 'PlatformFlow.Client.csproj'; Mutate = '**/Validation/**/*.cs' }
        ClientOperations = @{ Project = 'PlatformFlow.Client.csproj'; Mutate = '**/Operations/**/*.cs' }
        EmulatorEngine   = @{ Project = 'PlatformFlow.Emulator.csproj'; Mutate = '**/Engine/**/*.cs' }
    }
    $target = $targets[$Folder]
    if (-not $target) { throw "Unknown mutation folder '$Folder': use $($targets.Keys -join ', ')." }
    $output = Join-Path $root "artifacts/mutation/$Folder"
    Remove-Item $output -Recurse -Force -ErrorAction SilentlyContinue
    $arguments = @(
        '--project', $target.Project, '--mutate', $target.Mutate, '--configuration', $Configuration,
        '--concurrency', $Concurrency, '--reporter', 'Progress', '--reporter', 'Json', '--reporter', 'Html',
        '--output', $output, '--skip-version-check',
        # The third-party JSON Schema suite and the help/metadata checks cannot kill a mutant in these folders.
        '--test-case-filter', 'Category!=Conformance&Category!=Metadata'
    )
    if ($Since) { $arguments += "--since:$Since" }
    Push-Location (Join-Path $root 'tests/PlatformFlow.Tests')
    try {
        & dotnet dotnet-stryker @arguments | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Stryker failed on $Folder with exit code $LASTEXITCODE." }
    } finally {
        Pop-Location
    }
    Get-MutationSummary -Folder $Folder -ReportFile (Get-ChildItem $output -Filter mutation-report.json -Recurse | Select-Object -First 1).FullName
}

function Get-MutationSummary {
    # Score as Stryker computes it: detected (killed or timed out) over all valid mutants (detected, survived, no coverage).
    param([Parameter(Mandatory)][string] $Folder, [string] $ReportFile)
    if (-not $ReportFile) { throw "Stryker wrote no mutation-report.json for $Folder." }
    $report = Get-Content $ReportFile -Raw | ConvertFrom-Json -AsHashtable
    $survivors = [Collections.Generic.List[string]]::new()
    $detected = 0; $undetected = 0
    foreach ($file in $report.files.GetEnumerator()) {
        foreach ($mutant in $file.Value.mutants) {
            switch ($mutant.status) {
                { $_ -in 'Killed', 'Timeout' } { $detected++ }
                { $_ -in 'Survived', 'NoCoverage' } {
                    $undetected++
                    $survivors.Add(('{0}:{1} {2} [{3}] {4}' -f ($file.Key -replace '^.*/src/', 'src/'), $mutant.location.start.line, $mutant.status, $mutant.mutatorName, ($mutant.replacement -replace '\s+', ' ')))
                }
            }
        }
    }
    $score = if ($detected + $undetected) { [math]::Round(100.0 * $detected / ($detected + $undetected), 2) } else { 100 }
    Write-Host "mutation $($Folder): $score% ($detected detected, $undetected undetected)"
    $survivors | Sort-Object | ForEach-Object { Write-Host "  $_" }
}

if (-not $NoBuild -and $Task -notin 'Pester', 'Mutation') {
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
    'Mutation' { foreach ($folder in $MutationFolder -split ',') { Invoke-MutationRun -Folder $folder } }
    'Tutorial' {
        Invoke-ChildPowerShell -NoProfile -File (Join-Path $root 'docs/examples/tutorial-pipeline.ps1')
        if ($LASTEXITCODE -ne 0) { throw "The tutorial failed with exit code $LASTEXITCODE." }
    }
}
