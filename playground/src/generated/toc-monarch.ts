// Monarch syntax highlighting for the toc language.
export default {
    keywords: [
        'improvement-partner','professional-body','expert-opinion','admin-support','data-support','routine-data','service-user','description','fortnightly','observation','professions','recalculate','self-report','side-effect','stakeholder','assumption','continuous','likelihood','local-data','priorities','profession','staff-time','succession','alignment','balancing','collected','competing','contested','direction','equipment','executive','frequency','frontline','guideline','incentive','mechanism','procedure','programme','quarterly','readiness','reference','activity','backfill','baseline','capacity','contract','decrease','embedded','evidence','feedback','increase','involved','involves','job-plan','measures','moderate','resource','standard','strength','training','assumes','checked','context','funding','horizon','measure','monthly','outcome','problem','process','program','setting','sponsor','stretch','sustain','agreed','amount','carrot','citing','design','figure','funder','import','medium','member','method','middle','period','person','policy','reduce','review','source','starts','strong','survey','system','target','weekly','yearly','after','audit','board','chart','daily','level','money','other','owner','reach','short','stick','story','study','trial','works','data','ends','from','high','kind','link','long','none','plan','risk','role','site','unit','weak','aim','end','for','low','run','xmr','at','by','in','is','of','on','to','p','u'
    ],
    operators: [
        '->',',',':','%'
    ],
    ignoreCase: false,
    symbols: /->|,|:|\{|\}|%/,

    tokenizer: {
        initial: [
            { regex: /\d{4}-\d{2}-\d{2}/, action: {"token":"DATE"} },
            { regex: /\d+(\.\d+)?/, action: {"token":"number"} },
            { regex: /[_\p{L}][\p{L}\p{N}_]*/u, action: { cases: { '@keywords': {"token":"keyword"}, '@default': {"token":"ID"} }} },
            { regex: /"(\\.|[^"\\])*"/, action: {"token":"string"} },
            { include: '@whitespace' },
            { regex: /@symbols/, action: { cases: { '@operators': {"token":"operator"}, '@default': {"token":""} }} },
        ],
        whitespace: [
            { regex: /\s+/, action: {"token":"white"} },
            { regex: /\/\*/, action: {"token":"comment","next":"@comment"} },
            { regex: /\/\/[^\n\r]*/, action: {"token":"comment"} },
        ],
        comment: [
            { regex: /[^/\*]+/, action: {"token":"comment"} },
            { regex: /\*\//, action: {"token":"comment","next":"@pop"} },
            { regex: /[/\*]/, action: {"token":"comment"} },
        ],
    }
};
