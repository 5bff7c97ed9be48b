#Requires -Version 7.0
# PlatformFlow beside another module built on Microsoft.Extensions.* 8.0 or 10.0 (PlatformFlow's own are 9.0), imported
# before or after it: each pair runs in a fresh PowerShell process, since a process keeps what it has loaded.

BeforeDiscovery {
    $pairs = foreach ($order in 'ConflictFirst', 'PlatformFlowFirst') {
        @{ Order = $order; Package = 'Microsoft.Extensions.DependencyInjection.Abstractions 8.0.2 and Microsoft.Extensions.Http 8.0.1'; Abstractions = '8.0.0.0'; Http = '8.0.0.0' }
        @{ Order = $order; Package = 'Microsoft.Extensions.DependencyInjection.Abstractions 10.0.0'; Abstractions = '10.0.0.0'; Http = $null }
    }
}

BeforeAll {
    $ModulePath = Join-Path $PSScriptRoot '../out/PlatformFlow/PlatformFlow.psd1'
    $rootFile = Join-Path $PSScriptRoot 'ConflictPackages/obj/package-root.txt'
    if (-not (Test-Path $rootFile)) {
        & dotnet build (Join-Path $PSScriptRoot 'ConflictPackages/ConflictPackages.csproj') -c Release --nologo -v quiet | Out-Null
    }
    $packageRoot = (Get-Content $rootFile -TotalCount 1).Trim()

    function Get-ConflictingAssembly([string] $Package) {
        switch -Wildcard ($Package) {
            '*Abstractions 8.0.2*' {
                Join-Path $packageRoot 'microsoft.extensions.dependencyinjection.abstractions/8.0.2/lib/net8.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll'
                Join-Path $packageRoot 'microsoft.extensions.http/8.0.1/lib/net8.0/Microsoft.Extensions.Http.dll'
            }
            '*Abstractions 10.0.0*' {
                Join-Path $packageRoot 'microsoft.extensions.dependencyinjection.abstractions/10.0.0/lib/net8.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll'
            }
        }
    }

    function Invoke-FreshPowerShell {
        # The PowerShell running the tests, in a new process (as a .NET tool the process is 'dotnet pwsh.dll').
        $self = (Get-Process -Id $PID).Path
        $output = if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') {
            & $self (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive @args 2>&1
        } else {
            & $self -NoProfile -NonInteractive @args 2>&1
        }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | ForEach-Object { "$_" }) -join "`n" }
    }
}

Describe 'PlatformFlow with another module on <Package>, <Order>' -ForEach $pairs {
    BeforeAll {
        $assemblies = @(Get-ConflictingAssembly $Package)
        $assemblies | ForEach-Object { $_ | Should -Exist }
        $run = Invoke-FreshPowerShell -File (Join-Path $PSScriptRoot 'ConflictingModule/Use-BothModules.ps1') -ModulePath $ModulePath -ConflictingAssembly ($assemblies -join '|') -Order $Order
        $result = if ($run.ExitCode -eq 0) { ($run.Output -split "`n")[-1] | ConvertFrom-Json }
    }

    It 'works: signs in to the emulator, creates and reads back a base connection, finds a flow spec' {
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $result.PlatformFlow.BaseConnection | Should -Be 'Isolation shop'
        $result.PlatformFlow.FlowSpec | Should -Be 'CRMToAEP'
    }

    It 'leaves the other module the version it loaded, working' {
        $result.Other.Abstractions | Should -Be $Abstractions
        $result.Other.Lifetime | Should -Be 'Singleton'
        $result.Other.Http | Should -Be $Http
        if ($Http) { $result.Other.Handler | Should -Be 2 }
    }

    It 'uses its own Microsoft.Extensions 9.0, loaded outside the default load context; only its cmdlets are in the default one' {
        $result.PlatformFlowAbstractions | Should -Be '9.0.0.0'
        $result.ClientInDefaultContext | Should -BeFalse
        $result.CmdletsInDefaultContext | Should -BeTrue
    }
}

Describe 'A conflict that isolation cannot remove' {
    It 'stops the import with an error that names the assembly already loaded' {
        $client = Join-Path $PSScriptRoot '../out/PlatformFlow/Dependencies/PlatformFlow.Client.dll'
        $command = "Add-Type -Path '$client'; Import-Module '$ModulePath'"
        $run = Invoke-FreshPowerShell -Command $command

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'PlatformFlow cannot load: the default load context already holds PlatformFlow\.Client, Version=0\.1\.0\.0'
    }
}

Describe 'Precompiled dependencies (ReadyToRun)' {
    BeforeAll {
        $dependencies = Join-Path $PSScriptRoot '../out/PlatformFlow/Dependencies'
        $runtimeFolder = Join-Path $dependencies "ReadyToRun/net$([Environment]::Version.Major).0-$([Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)"

        function Get-PortableExecutable([string] $Path) {
            # Read without loading: the ReadyToRun header, and the framework the assembly was built for.
            $stream = [IO.File]::OpenRead($Path)
            try {
                $reader = [Reflection.PortableExecutable.PEReader]::new($stream)
                # TargetFrameworkAttribute's value, as the metadata holds it.
                $framework = [regex]::Match([IO.File]::ReadAllText($Path, [Text.Encoding]::Latin1), '\.NET[A-Za-z]*,Version=v[0-9.]+').Value
                [pscustomobject]@{ ReadyToRun = $reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0; Framework = $framework }
            } finally {
                $stream.Dispose()
            }
        }
    }

    It 'the build leaves images for this runtime beside the IL assemblies, which stay netstandard2.0 for Windows PowerShell' {
        $runtimeFolder | Should -Exist
        $precompiled = Get-PortableExecutable (Join-Path $runtimeFolder 'PlatformFlow.Client.dll')
        $precompiled.ReadyToRun | Should -BeTrue
        $il = Get-PortableExecutable (Join-Path $dependencies 'PlatformFlow.Client.dll')
        $il.ReadyToRun | Should -BeFalse
        $il.Framework | Should -Match '\.NETStandard,Version=v2\.0'
        Join-Path $runtimeFolder 'PlatformFlow.dll' | Should -Not -Exist
        Join-Path $runtimeFolder 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'loads the client from them on this runtime, in the module''s own load context, and signs in' {
        $command = "Import-Module '$ModulePath'; `$null = Connect-Platform -Emulator; `$client = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'PlatformFlow.Client' }; `$client.Location; [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$client).GetType().Name"
        $run = Invoke-FreshPowerShell -Command $command

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $location, $context = $run.Output -split "`n"
        [IO.Path]::GetFullPath($location) | Should -Be ([IO.Path]::GetFullPath((Join-Path $runtimeFolder 'PlatformFlow.Client.dll')))
        $context | Should -Be 'DependencyLoadContext'
    }
}
