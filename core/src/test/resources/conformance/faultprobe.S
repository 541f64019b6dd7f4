# The fault-conformance guest (docs/CONFORMANCE.md, part 2), run inside qemu-system-i386.
#
# Entered in real mode at LOAD (the harness sets CS = 0 and EIP through the gdbstub: the BIOS never
# runs). It builds its GDT, IDT and TSS, enters protected mode, turns paging on with the CR3, CR4
# and CR0 of the header, then performs the access list: for each entry it flushes the whole TLB
# (CR4.PGE off and on, CR3 reloaded: QEMU's TLB is no architectural one, so no case may depend on
# it), drops to the entry's CPL with an IRET, and runs one fixed instruction on the entry's address.
# The #PF handler counts the fault and records its error code and CR2, then resumes at `back`; an
# INT 0x80 at `back` returns to the kernel loop, which records ECX (the value read). Any other
# exception records its vector and stops. The harness's breakpoint at `finish` ends the run.
#
# Symbols from the harness (as --defsym): LOAD, USER_PAGE, HEADER, LIST, RESULTS, STACK_TOP.
# Header: +0 CR0, +4 CR3, +8 CR4, +12 count, +16 status (out: 1 done, 0x100 + vector on another
# exception), +20 its EIP, +24 its error code or 0.
# List entry, 16 bytes: +0 kind (bit 0 four bytes, bit 1 write, bit 2 CPL 3), +4 address, +8 value.
# Result, 16 bytes: +0 number of #PF, +4 error code, +8 CR2, +12 ECX after the access (read value).

KCODE = 0x08
KDATA = 0x10
UCODE = 0x18 | 3
UDATA = 0x20 | 3
TSSSEL = 0x28

    .text
    .code16
    .globl _start
_start:
    cli
    xorw %ax, %ax
    movw %ax, %ds
    movw %ax, %ss
    lgdtl gdt_descriptor
    movl %cr0, %eax
    orl $1, %eax
    movl %eax, %cr0
    ljmpl $KCODE, $protected

    .code32
protected:
    # A DPL 3 data segment in DS/ES serves both CPLs: IRET to CPL 3 keeps it loaded.
    movw $UDATA, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %fs
    movw %ax, %gs
    movw $KDATA, %ax
    movw %ax, %ss
    movl $STACK_TOP, %esp

    # IDT: a gate for each of the 32 exceptions, #PF its own, INT 0x80 reachable from CPL 3.
    xorl %ecx, %ecx
1:  movl exception_stubs(,%ecx,4), %eax
    movl $0x8E00, %edx
    call set_gate
    incl %ecx
    cmpl $32, %ecx
    jne 1b
    movl $14, %ecx
    movl $page_fault, %eax
    movl $0x8E00, %edx
    call set_gate
    movl $0x80, %ecx
    movl $back_to_kernel, %eax
    movl $0xEE00, %edx
    call set_gate
    lidtl idt_descriptor

    # TSS: the CPL 0 stack a fault at CPL 3 switches to.
    movl $STACK_TOP, tss + 4
    movl $KDATA, tss + 8
    movw $104, tss + 102
    movl $tss, %eax
    movw %ax, gdt + TSSSEL + 2
    shrl $16, %eax
    movb %al, gdt + TSSSEL + 4
    movb %ah, gdt + TSSSEL + 7
    movw $TSSSEL, %ax
    ltr %ax

    movl HEADER + 4, %eax
    movl %eax, %cr3
    movl HEADER + 8, %eax
    movl %eax, %cr4
    movl HEADER + 0, %eax
    movl %eax, %cr0
    jmp paged
paged:
    movl $LIST, %esi
    movl $RESULTS, %edi
    movl HEADER + 12, %ebp

next:
    testl %ebp, %ebp
    jz all_done
    # Flush every TLB entry, global ones too.
    movl %cr4, %eax
    movl %eax, %edx
    andl $~0x80, %eax
    movl %eax, %cr4
    movl %edx, %cr4
    movl %cr3, %eax
    movl %eax, %cr3

    movl %edi, current
    movl $0, 0(%edi)
    movl 0(%esi), %edx
    movl %edx, %eax
    andl $3, %eax
    movl access_stubs(,%eax,4), %eax
    movl %eax, stub
    movl %esp, kernel_esp
    testl $4, %edx
    jz 2f
    pushl $UDATA
    pushl $0
    pushl $0x2
    pushl $UCODE
    jmp 3f
2:  pushl $0x2
    pushl $KCODE
3:  pushl stub
    movl 4(%esi), %ebx
    movl 8(%esi), %eax
    xorl %ecx, %ecx
    iret

after_access:
    movl %ecx, 12(%edi)
    addl $16, %esi
    addl $16, %edi
    decl %ebp
    jmp next

all_done:
    movl $1, HEADER + 16
    .globl finish
finish:
    hlt
    jmp finish

# ecx: vector, eax: handler, edx: type and DPL bits.
set_gate:
    movw %ax, idt(,%ecx,8)
    movw $KCODE, idt + 2(,%ecx,8)
    movw %dx, idt + 4(,%ecx,8)
    shrl $16, %eax
    movw %ax, idt + 6(,%ecx,8)
    ret

# #PF: count it, record its error code and CR2, resume at `back`.
page_fault:
    pushl %eax
    pushl %edx
    movl current, %edx
    incl 0(%edx)
    movl 8(%esp), %eax
    movl %eax, 4(%edx)
    movl %cr2, %eax
    movl %eax, 8(%edx)
    movl $back, 12(%esp)
    popl %edx
    popl %eax
    addl $4, %esp
    iret

# INT 0x80 from `back`, at either CPL: drop the frame and continue the kernel loop.
back_to_kernel:
    movl kernel_esp, %esp
    jmp after_access

# Any other exception: record it and stop.
unexpected:
    popl %eax
    addl $0x100, %eax
    movl %eax, HEADER + 16
    # Vectors 8, 10-14 and 17 push an error code before EIP.
    movl (%esp), %edx
    movl %edx, HEADER + 20
    movl 4(%esp), %edx
    movl %edx, HEADER + 24
    jmp finish

    .irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
exception_\n:
    pushl $\n
    jmp unexpected
    .endr

    .balign 4
exception_stubs:
    .irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    .long exception_\n
    .endr
access_stubs:
    .long read8, read32, write8, write32

    .balign 8
gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF    # kernel code, flat, DPL 0
    .quad 0x00CF92000000FFFF    # kernel data, flat, DPL 0
    .quad 0x00CFFA000000FFFF    # user code, flat, DPL 3
    .quad 0x00CFF2000000FFFF    # user data, flat, DPL 3
    .quad 0x0000890000000067    # 32-bit TSS, 104 bytes, base filled in above
gdt_end:
gdt_descriptor:
    .word gdt_end - gdt - 1
    .long gdt
idt_descriptor:
    .word 256 * 8 - 1
    .long idt
current:
    .long 0
stub:
    .long 0
kernel_esp:
    .long 0
    .balign 16
tss:
    .fill 104, 1, 0
    .balign 8
idt:
    .fill 256 * 8, 1, 0

# The one page a CPL 3 access runs from (user, read-only; all else is supervisor-only).
    .org USER_PAGE - LOAD
read8:
    movzbl (%ebx), %ecx
    jmp back
read32:
    movl (%ebx), %ecx
    jmp back
write8:
    movb %al, (%ebx)
    jmp back
write32:
    movl %eax, (%ebx)
back:
    int $0x80
    .org USER_PAGE - LOAD + 4096
