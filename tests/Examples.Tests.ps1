#Requires -Version 7.0
# Every ```powershell block in README.md and docs/ runs here, in real PowerShell, against a fresh embedded emulator:
# what the documentation shows is what the module does.
#
# The conventions an example follows (docs/testing.md says the same for writers):
# - Each block runs in an empty temporary folder, after `Connect-Platform -Emulator -Reset`, with
#   $ErrorActionPreference = 'Stop' (so any error fails it) and $ConfirmPreference = 'None' (a prompt is answered yes).
# - A block whose first line is a comment starting with '# Continues' runs right after the block before it in the same
#   file, in the same scope and on the same emulator: together they are one test.
# - A block that shows an error on purpose has a line '# Expected error: <ErrorId>'; it passes only when it raises an
#   error whose FullyQualifiedErrorId starts with that id.
# - Its output is formatted (Out-String) as a console would, so a broken view fails the example too.
# - The module is found as an installed one (`Import-Module PlatformFlow`): out/ is on PSModulePath.
# - A standalone emulator answers on http://127.0.0.1:5055 (started here unless one already does), for the examples
#   that sign in with OAuth as against the platform itself.

BeforeDiscovery {
    $repositoryRoot = Resolve-Path (Join-Path $PSScriptRoot '..')
    $documents = @(Get-Item (Join-Path $repositoryRoot 'README.md')) +
        @(Get-ChildItem (Join-Path $repositoryRoot 'docs') -Filter *.md -Recurse | Sort-Object FullName)

    $examples = foreach ($document in $documents) {
        $relativePath = [IO.Path]::GetRelativePath($repositoryRoot, $document.FullName).Replace('\', '/')
        $lines = Get-Content -LiteralPath $document.FullName
        $chain = $null
        for ($index = 0; $index -lt $lines.Count; $index++) {
            if ($lines[$index] -notmatch '^```powershell\s*$') { continue }
            $firstLine = $index + 2
            $body = [Collections.Generic.List[string]]::new()
            for ($index++; $index -lt $lines.Count -and $lines[$index] -notmatch '^```\s*$'; $index++) { $body.Add($lines[$index]) }
            $block = @{
                Line          = $firstLine
                Code          = $body -join "`n"
                ExpectedError = ($body | Select-String -Pattern '^\s*#\s*Expected error:\s*(\S+)' | Select-Object -First 1 |
                    ForEach-Object { $_.Matches[0].Groups[1].Value })
            }
            if ($chain -and $body.Count -gt 0 -and $body[0] -match '^\s*#\s*Continues') {
                $chain.Blocks += $block
                $chain.Name += ", $firstLine"
            } else {
                if ($chain) { $chain }
                $chain = @{ Name = "$relativePath line $firstLine"; Blocks = @($block) }
            }
        }
        if ($chain) { $chain }
    }
}

BeforeAll {
    $outFolder = (Resolve-Path (Join-Path $PSScriptRoot '../out')).Path
    $env:PSModulePath = $outFolder + [IO.Path]::PathSeparator + $env:PSModulePath
    Import-Module (Join-Path $outFolder 'PlatformFlow/PlatformFlow.psd1') -Force

    $standaloneUri = 'http://127.0.0.1:5055'
    $standalone = $null
    $answering = { try { $null = Invoke-WebRequest "$standaloneUri/ims/token/v3" -Method Post -Body 'grant_type=client_credentials&client_id=x&client_secret=y' -TimeoutSec 2; $true } catch { $false } }
    if (-not (& $answering)) {
        $hostAssembly = Get-ChildItem (Join-Path $PSScriptRoot '../src/PlatformFlow.Emulator.Host/bin') -Filter PlatformFlow.Emulator.Host.dll -Recurse |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1
        $standalone = Start-Process dotnet -ArgumentList $hostAssembly.FullName, '--port', '5055' -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'standalone.log')
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (& $answering) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    }

    function Invoke-DocumentedExample {
        # Runs one chain of blocks in a scope of its own; returns, per block, the error it raised (or $null).
        param([hashtable[]] $Blocks, [string] $Folder)
        & {
            param($__exampleBlocks, $__exampleFolder)
            $ErrorActionPreference = 'Stop'
            $ConfirmPreference = 'None'
            $ProgressPreference = 'SilentlyContinue'
            Push-Location -LiteralPath $__exampleFolder
            try {
                foreach ($__exampleBlock in $__exampleBlocks) {
                    $__exampleError = $null
                    try {
                        . ([scriptblock]::Create($__exampleBlock.Code)) | Out-String -Width 120 | Out-Null
                    } catch {
                        $__exampleError = $_
                    }
                    , $__exampleError
                }
            } finally {
                Pop-Location
            }
        } $Blocks $Folder
    }
}

AfterAll {
    if ($standalone) { Stop-Process -Id $standalone.Id -ErrorAction SilentlyContinue }
}

Describe 'Documented example <Name>' -ForEach $examples {
    It 'runs as written' {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        Connect-Platform -Emulator -Reset | Out-Null

        $outcomes = @(Invoke-DocumentedExample -Blocks $Blocks -Folder $folder)

        $outcomes | Should -HaveCount $Blocks.Count
        for ($i = 0; $i -lt $Blocks.Count; $i++) {
            $block = $Blocks[$i]
            $raised = $outcomes[$i]
            if ($block.ExpectedError) {
                $raised | Should -Not -BeNullOrEmpty -Because "the block at line $($block.Line) shows the error $($block.ExpectedError)"
                $raised.FullyQualifiedErrorId | Should -BeLike "$($block.ExpectedError)*" -Because "the block at line $($block.Line) shows that error"
            } elseif ($raised) {
                throw "The block at line $($block.Line) failed: $($raised.FullyQualifiedErrorId): $($raised.Exception.Message)"
            }
        }
    }
}
