#Requires -Version 7.0
# Messages a person can act on (issue 21, items 5 and 9): errors and recommended actions speak in cmdlets, parameters
# and values, never in REST calls; a missing id names its kind, id and sandbox; a run of a disabled flow names
# Enable-Dataflow; New-MappingSet reports each problem of a row and goes on with the next row; and the edges the
# reliability probes found are refused before anything is written.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

    # A REST call or a service path in a message: what a person cannot type at the prompt.
    $restPath = '\b(GET|POST|PATCH|PUT|DELETE) /|/data/foundation|/flowservice|/conversion/|/catalog/|/schemaregistry|/languages/|/global/|/tenant/|/flows/|/runs\b|/sourceConnections|/targetConnections|/mappingSets'
    $unknownGuid = '0b1e6a52-9a0e-4f5e-9c57-3f7a2d1e0c11'

    # Runs the script block, expecting errors; returns them with the writes the emulator answered meanwhile.
    function Invoke-Refused([scriptblock] $Command) {
        $mark = Get-EmulatorJournalMark
        $output = try { & $Command 2>&1 } catch { $_ }
        [pscustomobject]@{ Errors = @($output | Where-Object { $_ -is [Management.Automation.ErrorRecord] }); Writes = @(Get-EmulatorWriteSince -Mark $mark) }
    }

    $flow = "Messages $suffix" | New-ShopifyTestFlow -Prerequisite $pre
}

Describe 'Messages name cmdlets, parameters and values' {
    It 'no error or recommended action of a representative set of failures names a REST call or a service path' {
        $failures = @(
            { Get-Dataflow -Id $unknownGuid }
            { Get-SourceConnection -Id $unknownGuid }
            { Get-Dataset -Id '0123456789abcdef01234567' }
            { Remove-Dataflow -Id $unknownGuid -Confirm:$false }
            { Set-Dataflow -Id $unknownGuid -Description 'x' -Confirm:$false }
            { Enable-Dataflow -Id $unknownGuid -Confirm:$false }
            { Remove-XdmSchema -Id 'https://ns.adobe.com/platformflow/schemas/nosuch' -Confirm:$false }
            { New-XdmSchema -Title "Typo $suffix" -Class profil }
            { New-XdmSchema -Title "Typo $suffix" -Class profile -FieldGroup identitymapp }
            { Test-MappingSet -SchemaId $pre.Schema.Id -Mapping @{ '=zzqx(Email)' = 'person.name.fullName' } }
            { New-SourceConnection -Name "Lost $suffix" -BaseConnectionId $unknownGuid -TableName Shopify.Orders -Column Email }
            { New-SourceConnection -Name "Lost $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Nope -Column Email }
            { Get-FlowSpec -Name 'CRMToAPE' }
            { Get-FailedRecord -RunId $unknownGuid }
            { Wait-FlowRun -RunId $unknownGuid -Timeout 1 }
        )

        $collected = foreach ($failure in $failures) {
            $refused = Invoke-Refused $failure
            $refused.Errors | Should -Not -BeNullOrEmpty -Because "$failure fails"
            $refused.Writes | Should -HaveCount 0
            foreach ($record in $refused.Errors) {
                [pscustomobject]@{ Command = "$failure".Trim(); Text = $record.Exception.Message; Action = $record.ErrorDetails.RecommendedAction }
            }
        }

        $collected.Count | Should -BeGreaterOrEqual $failures.Count
        $collected | Where-Object { $_.Text -match $restPath -or $_.Action -match $restPath } | Should -BeNullOrEmpty
    }

    It 'the client spells no REST call in a message, and no cmdlet or parameter name outside CmdletTerms' {
        $client = Join-Path $PSScriptRoot '../src/PlatformFlow.Client'
        $sources = Get-ChildItem $client -Recurse -Filter *.cs | Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.Name -ne 'CmdletTerms.cs' }
        # String literals on lines that are not comments.
        $literals = $sources | Select-String -Pattern '"[^"]*"' -AllMatches | Where-Object { $_.Line -notmatch '^\s*//' } |
            ForEach-Object { $line = $_; $_.Matches | ForEach-Object { "$($line.Filename):$($line.LineNumber): $($_.Value)" } }

        $literals | Where-Object { $_ -match '"[^"]*\b(GET|POST|PATCH|PUT|DELETE) /' } | Should -BeNullOrEmpty
        $literals | Where-Object { $_ -cmatch '"[^"]*\b(Get|Set|New|Remove|Start|Wait|Test|Enable|Disable|Connect|Disconnect|Import|Export|Copy|Restart|Send)-[A-Z][A-Za-z]+' } | Should -BeNullOrEmpty
        $literals | Where-Object { $_ -cmatch '"[^"]*(?<![\w-])-[A-Z][a-z]+[A-Za-z]*\b' } | Should -BeNullOrEmpty
    }

    It 'an id that is not there names its kind, the id, the sandbox, and how to find it by name' {
        $refused = Invoke-Refused { Get-Dataflow -Id $unknownGuid }

        $refused.Errors | Should -HaveCount 1
        $refused.Errors[0].FullyQualifiedErrorId | Should -Be 'DataflowNotFound,PlatformFlow.Commands.GetDataflowCommand'
        $refused.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $refused.Errors[0].Exception.Message | Should -Be "No dataflow has id '$unknownGuid' in sandbox 'prod'."
        $refused.Errors[0].ErrorDetails.RecommendedAction | Should -BeLike "Find it by name with Get-Dataflow -Name '<name>'*Connect-Platform -Sandbox*"
    }

    It 'a run asked of a disabled flow says it is disabled and names Enable-Dataflow, sending nothing' {
        $disabled = "Disabled $suffix" | New-ShopifyTestFlow -Prerequisite $pre
        Disable-Dataflow -Id $disabled.Id -Confirm:$false | Out-Null

        $refused = Invoke-Refused { Start-FlowRun -FlowId $disabled.Id -Confirm:$false }

        $refused.Errors | Should -HaveCount 1
        $refused.Errors[0].FullyQualifiedErrorId | Should -Be 'PreflightRejected,PlatformFlow.Commands.StartFlowRunCommand'
        $refused.Errors[0].Exception.Message | Should -Match 'the dataflow is disabled, so it cannot run'
        $refused.Errors[0].ErrorDetails.RecommendedAction | Should -Be "Enable the dataflow with Enable-Dataflow -Id $($disabled.Id), then start the run again; nothing was sent to the platform."
        $refused.Errors[0].ErrorDetails.RecommendedAction | Should -Not -Match 'Correct the named fields'
        $refused.Writes | Should -HaveCount 0
    }
}

Describe 'Fixed sets of values' {
    It 'complete with Tab: <Command> <Parameter>' -ForEach @(
        @{ Command = 'Get-FlowRun -FlowId x'; Parameter = '-Status'; Expected = 'PartialFailure', 'PartialSuccess'; Word = 'Part' }
        @{ Command = 'New-Dataflow'; Parameter = '-Frequency'; Expected = 'Hour'; Word = 'Ho' }
        @{ Command = 'Set-Dataflow -Id x'; Parameter = '-Frequency'; Expected = 'Week'; Word = 'We' }
        @{ Command = 'New-SourceConnection'; Parameter = '-Format'; Expected = 'delimited'; Word = 'del' }
        @{ Command = 'Get-SourceFile'; Parameter = '-Format'; Expected = 'parquet'; Word = 'par' }
        @{ Command = 'New-SourceConnection'; Parameter = '-Compression'; Expected = 'gzip'; Word = 'gz' }
        @{ Command = 'Get-Batch'; Parameter = '-Status'; Expected = 'failed'; Word = 'fai' }
        @{ Command = 'Connect-Platform -ClientId x'; Parameter = '-Environment'; Expected = 'Stage'; Word = 'St' }
    ) {
        $line = "$Command $Parameter $Word"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $Expected
    }

    It 'bind from CSV strings by property name, in any case, and refuse a value out of the set as the row is bound' {
        $rows = "Name,BaseConnectionId,TableName,Format`nCSV $suffix,$($pre.BaseConnection.Id),Shopify.Orders,TABULAR`nCSV bad $suffix,$($pre.BaseConnection.Id),Shopify.Orders,xls" | ConvertFrom-Csv
        $mark = Get-EmulatorJournalMark

        $planned = $rows | New-SourceConnection -WhatIf -ErrorAction SilentlyContinue -ErrorVariable failed

        @($planned) | Should -HaveCount 1
        $planned.Data.Format | Should -Be 'tabular'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $failed[0].Exception.Message | Should -Match '"xls" does not belong to the set "tabular,delimited,json,parquet"'
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
    }
}

Describe 'New-MappingSet reports every problem of a mapping set' {
    It 'writes one error per bad mapping, then goes on with the next row' {
        # The same mappings onto two schemas: the first lacks all three fields, the second has them.
        $bare = New-XdmSchema -Title "Bare $suffix" -Class profile
        $rows = [pscustomobject]@{ SchemaId = $bare.Id }, [pscustomobject]@{ SchemaId = $pre.Schema.Id }
        $mark = Get-EmulatorJournalMark

        $made = $rows | New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Phone = 'mobilePhone.number'; First = 'person.name.firstName' } -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 3
        $failed.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'PreflightRejected,PlatformFlow.Commands.NewMappingSetCommand'
        ($failed.Exception.Message | Sort-Object) -join "`n" | Should -BeLike "*destination 'mobilePhone.number'*`n*destination 'person.name.firstName'*`n*destination 'personalEmail.address'*"
        @($made) | Should -HaveCount 1
        $made.OutputSchema.SchemaRef.Id | Should -Be $pre.Schema.Id
        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 1
    }
}

Describe 'Edges the reliability probes found are refused before anything is written' {
    It 'refuses a pscustomobject where a secret goes, as it refuses a hashtable' -ForEach @(
        @{ Kind = 'pscustomobject'; Value = { [pscustomobject]@{ token = 'shpat-x' } } }
        @{ Kind = 'hashtable'; Value = { @{ token = 'shpat-x' } } }
    ) {
        $secret = & $Value
        $refused = Invoke-Refused { New-BaseConnection -Name "Secret $Kind $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = $secret } }

        $refused.Errors | Should -HaveCount 1
        $refused.Errors[0].FullyQualifiedErrorId | Should -Be 'PreflightRejected,PlatformFlow.Commands.NewBaseConnectionCommand'
        $refused.Errors[0].Exception.Message | Should -Match 'accessToken: the secret value \(object, not shown\) is not a string'
        $refused.Errors[0].Exception.Message | Should -Not -Match 'shpat-x'
        $refused.Writes | Should -HaveCount 0
        Get-BaseConnection -Name "Secret $Kind $suffix" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses an oversized -Id as it is bound, with a short excerpt: <Command>' -ForEach @(
        @{ Command = 'Get-Dataflow'; Length = 1MB }
        @{ Command = 'Remove-Dataflow'; Length = 1MB }
        @{ Command = 'Get-SourceConnection'; Length = 20KB }
        @{ Command = 'Set-Dataflow'; Length = 20KB }
    ) {
        $mark = Get-EmulatorJournalMark
        $failure = $null
        try { & $Command -Id ('x' * $Length) -Confirm:$false -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,PlatformFlow.Commands.$($Command -replace '-')Command"
        $failure.CategoryInfo.Category | Should -Be 'InvalidData'
        $failure.Exception.Message | Should -BeLike "*has at most 256 characters, not $Length ('xxxxxxxxxxxxxxxxxxxx…')*"
        $failure.Exception.Message.Length | Should -BeLessThan 300
        Get-EmulatorRequestSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'refuses an oversized id piped as text, before sending, with a short excerpt: <Command>' -ForEach @(
        @{ Command = 'Remove-Dataflow'; Switches = @{ Confirm = $false } }
        @{ Command = 'Get-SourceConnection'; Switches = @{} }
    ) {
        $mark = Get-EmulatorJournalMark
        $failures = $null
        ('x' * 1MB) | & $Command @Switches -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].Exception.Message | Should -BeLike "*has at most 256 characters, not $(1MB) ('xxxxxxxxxxxxxxxxxxxx…')*"
        $failures[0].Exception.Message.Length | Should -BeLessThan 300
        Get-EmulatorRequestSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'refuses a flow name too long for its parts before the first part is sent' {
        $long = 'n' * 300
        $refused = Invoke-Refused {
            New-SourceConnection -Name $long -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
                New-TargetConnection -DatasetId $pre.Dataset.Id
        }

        $refused.Errors | Should -HaveCount 1
        $refused.Errors[0].FullyQualifiedErrorId | Should -Be 'PreflightRejected,PlatformFlow.Commands.NewSourceConnectionCommand'
        $refused.Errors[0].Exception.Message | Should -Match "Name: a flow name has at most 249 characters \(its parts are named 'NAME source' and 'NAME target', at most 256\), not 300"
        $refused.Writes | Should -HaveCount 0

        $target = Invoke-Refused { New-TargetConnection -Name ('t' * 250) -DatasetId $pre.Dataset.Id }
        $target.Errors[0].FullyQualifiedErrorId | Should -Be 'PreflightRejected,PlatformFlow.Commands.NewTargetConnectionCommand'
        $target.Writes | Should -HaveCount 0
    }

    It 'refuses a 300-character name of <Command> before sending' -ForEach @(
        @{ Command = 'New-BaseConnection'; Run = { New-BaseConnection -Name ('b' * 300) -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = 'shpat-x' } } }
        @{ Command = 'New-Dataset'; Run = { New-Dataset -Name ('d' * 300) -SchemaId $pre.Schema.Id } }
        @{ Command = 'New-XdmSchema'; Run = { New-XdmSchema -Title ('s' * 300) -Class profile } }
    ) {
        $refused = Invoke-Refused $Run

        $refused.Errors | Should -HaveCount 1
        $refused.Errors[0].FullyQualifiedErrorId | Should -Be "PreflightRejected,PlatformFlow.Commands.$($Command -replace '-')Command"
        $refused.Errors[0].Exception.Message | Should -Match 'a name has at most 256 characters, not 300'
        $refused.Writes | Should -HaveCount 0
    }

    It 'refuses a schema title the sandbox has already, in any case, before sending' {
        $refused = Invoke-Refused { New-XdmSchema -Title $pre.Schema.Title.ToUpperInvariant() -Class profile }

        $refused.Errors | Should -HaveCount 1
        $refused.Errors[0].FullyQualifiedErrorId | Should -Be 'PreflightRejected,PlatformFlow.Commands.NewXdmSchemaCommand'
        $refused.Errors[0].Exception.Message | Should -Match ([regex]::Escape("the sandbox has a schema with this title already ($($pre.Schema.Id))"))
        $refused.Errors[0].ErrorDetails.RecommendedAction | Should -Be "Use the existing one (Get-XdmSchema -Name '$($pre.Schema.Title)'), or give another -Title."
        $refused.Writes | Should -HaveCount 0
    }
}
