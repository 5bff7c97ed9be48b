#Requires -Version 7.0
# Tab completion as PowerShell does it (TabExpansion2), answered from the context the command line would use.

BeforeAll {
    . $PSScriptRoot/EmulatorSuite.ps1

    function Get-Completion([string] $Line) {
        # The completion texts PowerShell offers at the end of $Line.
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }

    $flows = "Complete $suffix a", "Complete $suffix b" | New-ShopifyTestFlow -Prerequisite $pre
    $baseId = $pre.BaseConnection.Id
}

Describe 'Completing names from the platform' {
    It 'offers flow spec names for Get-FlowSpec -Name' {
        Get-Completion 'Get-FlowSpec -Name ' | Should -Be 'CRMToAEP'
    }

    It 'offers connection spec names for Get-ConnectionSpec -Name and New-BaseConnection -ConnectionSpec' {
        Get-Completion 'Get-ConnectionSpec -Name sh' | Should -Be 'shopify'
        Get-Completion 'New-BaseConnection -Name x -ConnectionSpec ' |
            Should -Be 'amazon-s3', 'DataLake', 'dynamics-online', 'hubspot', 'salesforce', 'shopify', 'square'
    }

    It 'offers the names of the flows, quoted, for Get-Dataflow -Name' {
        Get-Completion 'Get-Dataflow -Name Comp' | Should -Be "'Complete $suffix a'", "'Complete $suffix b'"
    }

    It 'offers the names of the connections for Get-BaseConnection, Get-SourceConnection and Get-TargetConnection -Name' {
        Get-Completion 'Get-BaseConnection -Name ' | Should -Be "'Shop $suffix'"
        Get-Completion 'Get-SourceConnection -Name ' | Should -Be "'Complete $suffix a source'", "'Complete $suffix b source'"
        Get-Completion "Get-TargetConnection -Name 'Complete $suffix b" | Should -Be "'Complete $suffix b target'"
    }

    It 'offers dataset names for Get-Dataset -Name and schema titles for Get-XdmSchema -Name' {
        Get-Completion 'Get-Dataset -Name ' | Should -Be "'Orders $suffix'"
        Get-Completion 'Get-XdmSchema -Name Ord' | Should -Be "'Orders $suffix'"
    }

    It 'offers the sandbox names for Connect-Platform -Sandbox and Get-Sandbox' {
        Get-Completion 'Connect-Platform -Emulator -Sandbox ' | Should -Be 'dev', 'prod'
        Get-Completion 'Get-Sandbox p' | Should -Be 'prod'
    }

    It 'offers the tables of the -BaseConnectionId on the line for -TableName' {
        Get-Completion "New-SourceConnection -FlowName x -BaseConnectionId $baseId -TableName " |
            Should -Be 'Shopify.Customers', 'Shopify.Orders', 'Shopify.Products'
        Get-Completion "Get-SourceTable -BaseConnectionId $baseId -TableName Shopify.O" | Should -Be 'Shopify.Orders'
    }

    It 'offers the columns of the table on the line for -Column' {
        Get-Completion "New-SourceConnection -FlowName x -BaseConnectionId $baseId -TableName Shopify.Orders -Column Shipping" |
            Should -Be 'Shipping_Address_City', 'Shipping_Address_Country_Code', 'Shipping_Address_Phone'
        Get-Completion "New-SourceConnection -FlowName x -BaseConnectionId $baseId -TableName Shopify.Orders -Column " | Should -HaveCount 12
    }

    It 'offers the XDM classes for -Class and the field groups for -FieldGroup' {
        Get-Completion 'New-XdmSchema -Title t -Class ' | Should -Be 'experienceevent', 'profile'
        Get-Completion 'New-XdmSchema -Title t -Class profile -FieldGroup profile-person' | Should -Be 'profile-person-details', 'profile-personal-details'
    }

    It 'offers the run statuses for Get-FlowRun -Status' {
        Get-Completion 'Get-FlowRun -FlowId x -Status ' |
            Should -Be 'Cancelled', 'Completed', 'Failed', 'InProgress', 'PartialFailure', 'PartialSuccess', 'Queued', 'Scheduled', 'Success'
        Get-Completion 'Get-FlowRun -FlowId x -Status Part' | Should -Be 'PartialFailure', 'PartialSuccess'
    }
}

Describe 'Completing the ids that watching flows takes' {
    It 'offers the flows'' ids for Get-FlowRun -FlowId and Get-Batch -FlowId' {
        $expected = $flows.Id | Sort-Object
        Get-Completion 'Get-FlowRun -FlowId ' | Should -Be $expected
        Get-Completion "Get-Batch -FlowId $($flows[0].Id.Substring(0, 8))" | Should -Be $flows[0].Id
    }

    It 'offers the dataset ids for Get-Batch -DatasetId and Get-DatasetRecord -DatasetId' {
        Get-Completion 'Get-Batch -DatasetId ' | Should -Be $pre.Dataset.Id
        Get-Completion 'Get-DatasetRecord -DatasetId ' | Should -Be $pre.Dataset.Id
    }

    It 'offers the newest runs'' ids for -RunId' {
        $runIds = @($flows | Get-FlowRun).Id | Sort-Object

        Get-Completion 'Get-FailedRecord -RunId ' | Should -Be $runIds
        Get-Completion 'Get-Batch -RunId ' | Should -Be $runIds
        Get-Completion 'Get-FlowRun -RunId ' | Should -Be $runIds
    }
}

Describe 'Completing from the right context, quickly and quietly' {
    It 'answers from the -Context on the line rather than the current context' {
        $current = Get-PlatformContext
        $empty = Connect-Platform -Emulator -Reset
        try {
            $current | Out-Null
            Get-Completion 'Get-Dataflow -Name Comp' | Should -BeNullOrEmpty -Because 'the new current context is an empty emulator'
            Get-Completion 'Get-Dataflow -Context $current -Name Comp' | Should -Be "'Complete $suffix a'", "'Complete $suffix b'"
        }
        finally {
            $empty | Disconnect-Platform
            Connect-Platform -Emulator | Out-Null
        }
    }

    It 'asks the platform once and then answers from its cache' {
        Get-Completion 'Get-FlowSpec -Name ' | Should -Be 'CRMToAEP'
        $mark = Get-EmulatorJournalMark
        Get-Completion 'Get-FlowSpec -Name C' | Should -Be 'CRMToAEP'
        Get-EmulatorRequestSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'gives up on a platform that does not answer in time, offering nothing and raising no error' {
        $slowShop = New-BaseConnection -Name "Slow $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = (ConvertTo-SecureString 'x' -AsPlainText -Force) }
        $faults = (Get-EmulatorEngine).Options.Faults
        $Error.Clear()
        $faults.Latency = [TimeSpan]::FromSeconds(30)
        try {
            Get-Completion "New-SourceConnection -FlowName x -BaseConnectionId $($slowShop.Id) -TableName " | Should -BeNullOrEmpty
        }
        finally {
            $faults.Latency = [TimeSpan]::Zero
        }
        $Error | Should -BeNullOrEmpty
    }

    It 'offers nothing, without an error, when signed out or when the platform cannot be reached' {
        # Connect-Platform proves the platform answers, so the context is signed in first and the platform then stops
        # answering (every request a 503); a fresh context has nothing cached.
        $unreachable = Connect-Platform -Emulator
        $faults = (Get-EmulatorEngine).Options.Faults
        $Error.Clear()
        $faults.UnavailableRate = 1
        try {
            Get-Completion 'Get-Dataflow -Name ' | Should -BeNullOrEmpty
            Disconnect-Platform
            Get-Completion 'Get-FlowSpec -Name ' | Should -BeNullOrEmpty
            $Error | Should -BeNullOrEmpty
        }
        finally {
            $faults.UnavailableRate = 0
            $unreachable | Disconnect-Platform
            Connect-Platform -Emulator | Out-Null
        }
    }
}
