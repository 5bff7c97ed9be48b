#Requires -Version 7.0
# Names where ids go, one output rule (-PassThru), and objects that stay usable after this module changes them: a flow
# removed, disabled or changed by its name; Set-, Enable-, Disable- and Remove- quiet unless asked; a piped flow that
# takes on each change made through it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

    function Get-CompletionMatch([string] $Line) {
        # What PowerShell offers at the end of $Line.
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }

    function New-HourlyTestFlow([string] $Name) {
        $flow = $Name | New-ShopifyTestFlow -Prerequisite $pre
        $flow | Set-Dataflow -Frequency Hour -Interval 1
        $flow
    }
}

Describe 'A name where an id goes' {
    BeforeAll {
        $named = Get-Dataflow -Id ("Named parts $suffix" | New-ShopifyTestFlow -Prerequisite $pre).Id
    }

    It 'Remove-Dataflow ''Some flow'' -Confirm:$false removes that flow' {
        $flow = "Some flow $suffix" | New-ShopifyTestFlow -Prerequisite $pre

        Remove-Dataflow "Some flow $suffix" -Confirm:$false

        Get-Dataflow -Id $flow.Id -ErrorVariable gone -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'an ambiguous name removes nothing, and the error names each id' {
        $twins = "Twin $suffix a", "Twin $suffix b" | New-ShopifyTestFlow -Prerequisite $pre
        Set-Dataflow -Id $twins[1].Id -Name "Twin $suffix a"
        $mark = Get-EmulatorJournalMark

        Remove-Dataflow "Twin $suffix a" -Confirm:$false -ErrorVariable ambiguous -ErrorAction SilentlyContinue

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $ambiguous | Should -HaveCount 1
        $ambiguous[0].FullyQualifiedErrorId | Should -BeLike 'DataflowNameAmbiguous,*'
        $ambiguous[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $ambiguous[0].Exception.Message | Should -Match $twins[0].Id
        $ambiguous[0].Exception.Message | Should -Match $twins[1].Id
        @(Get-Dataflow -Name "Twin $suffix a") | Should -HaveCount 2
    }

    It 'a name of nothing is the ObjectNotFound error with the closest names, and nothing is changed' {
        $flow = "Nearly $suffix" | New-ShopifyTestFlow -Prerequisite $pre
        $mark = Get-EmulatorJournalMark

        Disable-Dataflow "Nearlx $suffix" -ErrorVariable missing -ErrorAction SilentlyContinue

        @(Get-EmulatorWriteSince -Mark $mark) | Should -HaveCount 0
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'DataflowNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].Exception.Message | Should -BeLike "*Did you mean 'Nearly $suffix'*"
        (Get-Dataflow -Id $flow.Id).State | Should -Be 'enabled'
    }

    It 'takes a name piped as a string, and by position' {
        $flow = "Piped name $suffix" | New-ShopifyTestFlow -Prerequisite $pre

        ("Piped name $suffix" | Disable-Dataflow -PassThru).Id | Should -Be $flow.Id
        (Enable-Dataflow "Piped name $suffix" -PassThru).Id | Should -Be $flow.Id
        ("Piped name $suffix" | Get-Dataflow).Id | Should -Be $flow.Id
        @(Get-FlowRun -FlowId "Piped name $suffix").FlowId | Select-Object -Unique | Should -Be $flow.Id
    }

    It '<Command> -Id takes the name (or title) of one' -ForEach @(
        @{ Command = 'Get-SourceConnection'; Read = { Get-SourceConnection -Id $named.SourceConnectionIds[0] }; NameOf = { $_.Name } }
        @{ Command = 'Get-TargetConnection'; Read = { Get-TargetConnection -Id $named.TargetConnectionIds[0] }; NameOf = { $_.Name } }
        @{ Command = 'Get-BaseConnection'; Read = { $pre.BaseConnection }; NameOf = { $_.Name } }
        @{ Command = 'Get-Dataset'; Read = { $pre.Dataset }; NameOf = { $_.Name } }
        @{ Command = 'Get-XdmSchema'; Read = { $pre.Schema }; NameOf = { $_.Title } }
        @{ Command = 'Get-FlowSpec'; Read = { Get-FlowSpec -Name CRMToAEP }; NameOf = { $_.Name } }
    ) {
        $resource = & $Read
        $name = $resource | ForEach-Object $NameOf

        (& $Command -Id $name).Id | Should -Be $resource.Id
    }
}

Describe '-Id completion' {
    It 'offers the ids, with the names as tooltips, never file paths' {
        $flow = "Completed $suffix" | New-ShopifyTestFlow -Prerequisite $pre

        $offered = Get-CompletionMatch 'Remove-Dataflow -Id '

        $offered.CompletionText | Should -Contain $flow.Id
        ($offered | Where-Object CompletionText -EQ $flow.Id).ToolTip | Should -Match ([regex]::Escape("Completed $suffix"))
        @($offered | Where-Object ResultType -NE 'ParameterValue') | Should -BeNullOrEmpty
        (Get-CompletionMatch "Enable-Dataflow $($flow.Id.Substring(0, 8))").CompletionText | Should -Be $flow.Id
        (Get-CompletionMatch 'Get-BaseConnection -Id ').CompletionText | Should -Be $pre.BaseConnection.Id
        (Get-CompletionMatch 'Remove-Dataset -Id ').CompletionText | Should -Be $pre.Dataset.Id
    }
}

Describe 'One output rule' {
    It 'Enable-Dataflow, Disable-Dataflow and Set-Dataflow write nothing without -PassThru, and the changed flow with it' {
        $flow = "Quiet $suffix" | New-ShopifyTestFlow -Prerequisite $pre

        Disable-Dataflow -Id $flow.Id | Should -BeNullOrEmpty
        (Get-Dataflow -Id $flow.Id).State | Should -Be 'disabled'
        Enable-Dataflow -Id $flow.Id | Should -BeNullOrEmpty
        Set-Dataflow -Id $flow.Id -Description 'quiet' | Should -BeNullOrEmpty
        (Get-Dataflow -Id $flow.Id).Description | Should -Be 'quiet'

        (Disable-Dataflow -Id $flow.Id -PassThru).State | Should -Be 'disabled'
        (Enable-Dataflow -Id $flow.Id -PassThru).State | Should -Be 'enabled'
        $changed = Set-Dataflow -Id $flow.Id -Description 'loud' -PassThru
        $changed.PSTypeNames[0] | Should -Be 'PlatformFlow.Client.Models.Dataflow'
        $changed.Description | Should -Be 'loud'
    }

    It '<_> offers -PassThru and its help says what it writes' -ForEach @(
        Get-Command -Module PlatformFlow -Verb Set, Enable, Disable, Remove | ForEach-Object Name
    ) {
        (Get-Command $_).Parameters.Keys | Should -Contain 'PassThru'
        (Get-Help $_ -Parameter PassThru).Description.Text | Should -Not -BeNullOrEmpty
        (Get-Help $_).Synopsis | Should -BeLike '*nothing unless -PassThru*'
    }
}

Describe 'A flow this module changed stays usable' {
    It '$flow | Disable-Dataflow; $flow | Enable-Dataflow; $flow | Set-Dataflow -Interval 2 works, and $flow shows each change' {
        $flow = New-HourlyTestFlow "Usable $suffix"

        $flow | Disable-Dataflow
        $flow.State | Should -Be 'disabled'
        $flow | Enable-Dataflow
        $flow.State | Should -Be 'enabled'
        $flow | Set-Dataflow -Interval 2 -ErrorVariable failed

        $failed | Should -BeNullOrEmpty
        $flow.ScheduleParams.Interval | Should -Be 2
        $read = Get-Dataflow -Id $flow.Id
        $read.ScheduleParams.Interval | Should -Be 2
        $flow.Etag | Should -Be $read.Etag
    }

    It 'a change made by someone else since it was read is still refused' {
        $flow = New-HourlyTestFlow "Contested $suffix"
        $flow | Disable-Dataflow
        Get-Dataflow -Id $flow.Id | Set-Dataflow -Description 'changed by someone else'

        $flow | Set-Dataflow -Interval 2 -ErrorVariable stale -ErrorAction SilentlyContinue

        $stale | Should -HaveCount 1
        $stale[0].FullyQualifiedErrorId | Should -BeLike 'StaleEtag,*'
        (Get-Dataflow -Id $flow.Id).ScheduleParams.Interval | Should -Be 1
    }
}
