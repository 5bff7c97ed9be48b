# Stands in for another binary module built on Microsoft.Extensions.* (tests/Isolation.Tests.ps1): it loads the
# assemblies it is given into the default load context, as such a module does, and uses their types.
param([Parameter(Mandatory)][string[]] $AssemblyPath)

foreach ($path in $AssemblyPath) {
    Add-Type -Path $path
}

function Get-ConflictingModuleState {
    # What this module got: the versions its types come from, and that they work.
    $descriptor = [Microsoft.Extensions.DependencyInjection.ServiceDescriptor]::new([string], 'registered')
    $state = [ordered]@{
        Abstractions = $descriptor.GetType().Assembly.GetName().Version.ToString()
        Lifetime     = $descriptor.Lifetime.ToString()
        Http         = $null
        Handler      = $null
    }
    if ('Microsoft.Extensions.Http.HttpClientFactoryOptions' -as [type]) {
        $options = [Microsoft.Extensions.Http.HttpClientFactoryOptions]::new()
        $state.Http = $options.GetType().Assembly.GetName().Version.ToString()
        $state.Handler = $options.HandlerLifetime.TotalMinutes
    }
    [pscustomobject]$state
}

Export-ModuleMember -Function Get-ConflictingModuleState
